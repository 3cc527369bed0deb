"""Placing an accepted request that no run placed: free slots and tables only, validated."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.exchange.hand_placement import place_validated
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.placement import FreePlace, free_places
from matchfair.web.meetings.forms import PlaceForm
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.meetings.queries import unplaced_of
from matchfair.web.notify.domain.agendas import notify_agenda_changes_on_commit


def _label(place: FreePlace) -> str:
    start = timezone.localtime(place.start)
    label = f"{place.session.code} · {start:%Y-%m-%d %H:%M}"
    if place.interpreter is not None:
        label += " · " + _("interpreter %(interpreter)s") % {"interpreter": place.interpreter.code}
    return label


@organizer_required
def place(request: HttpRequest, event: Event, request_id: int) -> HttpResponse:
    """Offer the slots where both sides are free; place the meeting in the one chosen."""
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related(
            "event", "requester__organization", "recipient__organization"
        ),
        pk=request_id,
        event=event,
    )
    unplaced = unplaced_of(event, [meeting_request]).get(meeting_request.pk)
    if unplaced is None:
        messages.info(request, _("This request is not an accepted request left off the schedule."))
        return redirect("orga:schedule", event_id=event.pk)
    places = {p.key: p for p in free_places(meeting_request=meeting_request)}
    form = PlaceForm(
        [(key, _label(p), p.locations) for key, p in places.items()], request.POST or None
    )
    conflicts: list[str] = []
    if request.method == "POST" and form.is_valid():
        key, location = form.chosen()
        chosen = places[key]
        try:
            place_validated(
                meeting_request=meeting_request,
                session=chosen.session,
                start=chosen.start,
                location=location,
                interpreter=chosen.interpreter,
            )
        except MeetingRuleError as error:
            conflicts = error.reasons
        else:
            notify_agenda_changes_on_commit(event=event)
            messages.success(request, _("Meeting placed."))
            target = reverse("orga:schedule", kwargs={"event_id": event.pk})
            return redirect(f"{target}?{urlencode({'slot': key})}")
    return render(
        request,
        "orga/meetings/place.html",
        {
            "event": event,
            "unplaced": unplaced,
            "form": form,
            "places": places,
            "conflicts": conflicts,
        },
    )
