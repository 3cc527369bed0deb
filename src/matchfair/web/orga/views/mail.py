"""The organizer's e-mail pages: an event's delivery (failures per recipient) and the demo mailbox."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.accounts.rules import can_create_events
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.outbox.domain.resending import NotFailedError, resend
from matchfair.web.outbox.queries import event_mail, failed_mails, retrying_mails, state_counts
from matchfair.web.outbox.sink import mailbox_messages

PAGE_SIZE = 100


@organizer_required
def delivery(request: HttpRequest, event: Event) -> HttpResponse:
    page = Paginator(failed_mails(event), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "orga/mail/delivery.html",
        {
            "event": event,
            "counts": state_counts(event),
            "failed": page,
            "page": page,
            "retrying": retrying_mails(event)[:PAGE_SIZE],
        },
    )


@organizer_required
@require_POST
def resend_failed(request: HttpRequest, event: Event, mail_id: int) -> HttpResponse:
    """The "Resend" button of a mail not delivered: one more attempt, now (as the API's)."""
    mail = event_mail(event, mail_id)
    if mail is None:
        raise Http404
    try:
        resend(mail)
    except NotFailedError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The e-mail to %(address)s is queued again.") % {"address": mail.address}
        )
    return redirect("orga:mail_delivery", event.pk)


def demo_mailbox(request: HttpRequest) -> HttpResponse:
    """What the demo's SMTP sink received; only while ``matchfair demo`` runs one, only for
    organizers' accounts."""
    if not settings.MATCHFAIR_MAIL_SINK_DIR:
        raise Http404
    if not request.user.is_authenticated or not (
        can_create_events(request.user) or request.user.organized_events.exists()
    ):
        raise PermissionDenied
    messages = mailbox_messages(settings.MATCHFAIR_MAIL_SINK_DIR)
    page = Paginator(messages, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "orga/mail/demo_mailbox.html", {"messages": page, "page": page})
