"""The organizer's e-mail pages: an event's delivery (failures per recipient) and the demo mailbox."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from matchfair.web.accounts.rules import can_create_events
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.outbox.queries import failed_mails, retrying_mails, state_counts
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
