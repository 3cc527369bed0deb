"""An event's outbox through the API: its mails and resending one that failed.

The same rules as the organizer's E-mails page: only the event's organizers (a
participant or viewer gets 403), another event's mail is a 404, and resending a mail
that is not failed is a 409. Resending goes through ``outbox.domain.resending``, as
the page's "Resend" button does.
"""

from datetime import datetime

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.pagination import Pages
from matchfair.web.api.scope import Id, organizer_access
from matchfair.web.outbox.domain.resending import NotFailedError, resend
from matchfair.web.outbox.models import Mail
from matchfair.web.outbox.queries import event_mail, event_mails

router = Router(tags=["outbox"])


class MailOut(Schema):
    id: int
    state: Mail.State
    kind: Mail.Kind
    address: str = Field(..., description="The recipient's address")
    name: str = Field(..., description="The recipient's name, when known")
    language: str
    attempts: int
    last_error: str = Field(..., description="The mail server's last answer; empty when none")
    created_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None


class MailFilter(Schema):
    state: Mail.State | None = None
    kind: Mail.Kind | None = None


@router.get("/events/{event_id}/mails", response={200: list[MailOut], ERROR_CODES: ErrorBody})
@paginate(Pages)
def list_mails(request: HttpRequest, event_id: Id, filters: Query[MailFilter]) -> QuerySet[Mail]:
    """The event's e-mails, newest first; ``state`` and ``kind`` narrow the list."""
    event = organizer_access(request, event_id).event
    return event_mails(event, state=filters.state or "", kind=filters.kind or "")


@router.post(
    "/events/{event_id}/mails/{mail_id}/resend", response={200: MailOut, ERROR_CODES: ErrorBody}
)
def resend_mail(request: HttpRequest, event_id: Id, mail_id: Id) -> Mail:
    """Send a failed e-mail again (queued for an attempt now, attempts kept); 409 otherwise."""
    mail = event_mail(organizer_access(request, event_id).event, mail_id)
    if mail is None:
        raise Http404
    try:
        return resend(mail)
    except NotFailedError as error:
        raise ApiError(409, str(error)) from None
