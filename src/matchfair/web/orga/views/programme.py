"""Sessions of one-on-one meetings and the agenda items beside them."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from matchfair.web.eventday.models import WaitlistEntry
from matchfair.web.eventday.waitlist_places import waitlists_of
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.domain.programme import add_agenda_item, add_session
from matchfair.web.events.forms import AgendaItemForm, SessionForm
from matchfair.web.events.models import AgendaItem, Event
from matchfair.web.events.rules import event_reader_required


@event_reader_required
def programme(request: HttpRequest, event: Event) -> HttpResponse:
    """The sessions and agenda items, with a form to add each (for organizers)."""
    session_form = SessionForm(request.POST if "add_session" in request.POST else None)
    item_form = AgendaItemForm(request.POST if "add_item" in request.POST else None)
    if request.method == "POST":
        try:
            if "add_session" in request.POST and session_form.is_valid():
                add_session(event=event, **session_form.cleaned_data)
                messages.success(request, _("Session added."))
                return redirect("orga:programme", event_id=event.pk)
            if "add_item" in request.POST and item_form.is_valid():
                add_agenda_item(event=event, **item_form.cleaned_data)
                messages.success(request, _("Agenda item added."))
                return redirect("orga:programme", event_id=event.pk)
        except EventRuleError as error:
            messages.error(request, str(error))
    return render(
        request,
        "orga/events/programme.html",
        {
            "event": event,
            "sessions": event.sessions.all(),
            "items": _items_and_waitlists(event),
            "session_form": session_form,
            "item_form": item_form,
        },
    )


def _items_and_waitlists(event: Event) -> list[tuple[AgendaItem, list[WaitlistEntry]]]:
    """Each agenda item with its sign-ups prefetched and its waitlist in order."""
    waiting = waitlists_of(event)
    items = event.agenda_items.prefetch_related("signups__participation__organization")
    return [(item, waiting.get(item.pk, [])) for item in items]
