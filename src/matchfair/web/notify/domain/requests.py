"""What the portal adds to a meeting request: its rules, the sender's note, the other side told.

``meetings.domain.requests`` sends and answers a request; around it, in the same
transaction, this module applies the event's portal rules (message length, deadline,
quota), keeps the note the sender wrote and notifies the organization concerned. The
pages and the API call these functions; a refusal is a ``RequestRuleError``.
"""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web import stored_text
from matchfair.web.directory.models import Participation
from matchfair.web.meetings.domain import requests
from matchfair.web.meetings.domain.requests import RequestRuleError
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.notify.domain.portal_rules import check_requests_open, rules_of
from matchfair.web.notify.models import RequestNote
from matchfair.web.outbox.models import Mail

MESSAGE_LENGTH = 500


@transaction.atomic
def send_request(
    *,
    requester: Participation,
    recipient: Participation,
    message: str,
    sent_by: AbstractBaseUser,
    site_url: str = "",
    now: datetime | None = None,
) -> MeetingRequest:
    """Ask to meet ``recipient`` with a short message, within the deadline and the quota."""
    event = requester.event
    if len(message) > MESSAGE_LENGTH:
        raise RequestRuleError(
            _("The message is limited to %(count)d characters.") % {"count": MESSAGE_LENGTH},
            "message",
        )
    check_requests_open(event, now)
    meeting_request = requests.send_request(
        requester=requester, recipient=recipient, quota=rules_of(event).request_quota
    )
    RequestNote.objects.create(request=meeting_request, message=message.strip(), sent_by=sent_by)
    notify(
        recipient,
        stored_text.gettext(
            "%(name)s asks to meet you at %(event)s.",
            name=requester.organization.name,
            event=event.name,
        ),
        subject=stored_text.gettext(
            "Meeting request from %(name)s", name=requester.organization.name
        ),
        kind=Mail.Kind.REQUEST,
        link=reverse("portal:requests", args=[recipient.pk]),
        site_url=site_url,
    )
    return meeting_request


@transaction.atomic
def answer_request(
    *,
    recipient: Participation,
    meeting_request: MeetingRequest,
    accept: bool,
    site_url: str = "",
    now: datetime | None = None,
) -> MeetingRequest:
    """Accept or decline a request made to ``recipient`` before the deadline; tell the sender."""
    check_requests_open(recipient.event, now)
    requests.answer_request(recipient=recipient, meeting_request=meeting_request, accept=accept)
    RequestNote.objects.update_or_create(
        request=meeting_request, defaults={"answered_at": now or timezone.now()}
    )
    requester, name, event = meeting_request.requester, recipient.organization.name, recipient.event
    notify(
        requester,
        stored_text.gettext("%(name)s accepted your meeting request.", name=name)
        if accept
        else stored_text.gettext("%(name)s declined your meeting request.", name=name),
        subject=stored_text.gettext("Your meeting request at %(event)s", event=event.name),
        kind=Mail.Kind.REQUEST,
        link=reverse("portal:requests", args=[requester.pk]),
        site_url=site_url,
    )
    return meeting_request
