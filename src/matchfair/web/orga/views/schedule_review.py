"""Reviewing the schedule per slot, per table or per organization; moving; publishing."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from matchfair.web.directory.queries import participations_of
from matchfair.web.events.models import Event
from matchfair.web.events.rules import event_reader_required, organizer_required
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.moves import move_meeting
from matchfair.web.meetings.domain.publishing import publish_schedule
from matchfair.web.meetings.forms import MoveForm
from matchfair.web.meetings.models import Meeting
from matchfair.web.meetings.queries import (
    SlotRow,
    event_locations,
    event_slots,
    locations,
    meetings_at,
    meetings_in_slot,
    meetings_of_participation,
    unplaced_requests,
)
from matchfair.web.notify import dates
from matchfair.web.notify.domain.agendas import notify_agenda_changes_on_commit

VIEWS = ("slot", "table", "organization")
UNSCHEDULED_SHOWN = 100
PAGE_SIZE = 100
"""Meetings of a slot or table, or organizations to choose from, per page."""


@event_reader_required
def schedule(request: HttpRequest, event: Event) -> HttpResponse:
    """The schedule per slot, table or organization; a viewer reads the published meetings only."""
    view = request.GET.get("view", "slot")
    view = view if view in VIEWS else "slot"
    published_only = request.read_only
    context: dict[str, object] = {"event": event, "view": view}
    number = request.GET.get("page")
    if view == "slot":
        slots = event_slots(event, published_only=published_only)
        chosen = next((s for s in slots if s.key == request.GET.get("slot")), None)
        chosen = chosen or next((s for s in slots if s.meetings), slots[0] if slots else None)
        page = Paginator(
            meetings_in_slot(event, chosen.start, published_only=published_only) if chosen else [],
            PAGE_SIZE,
        ).get_page(number)
        context |= {"slots": slots, "chosen_slot": chosen, "meetings": page, "page": page}
    elif view == "table":
        tables = locations(event, published_only=published_only)
        table = request.GET.get("table") or (tables[0] if tables else "")
        page = Paginator(
            meetings_at(event, table, published_only=published_only) if table else [], PAGE_SIZE
        ).get_page(number)
        context |= {"tables": tables, "table": table, "meetings": page, "page": page}
    else:
        query = request.GET.get("q", "").strip()
        participations = participations_of(event).order_by("organization__name", "pk")
        chosen_id = request.GET.get("organization", "")
        chosen_participation = (
            participations.filter(pk=chosen_id).first() if chosen_id.isdigit() else None
        )
        if query:
            participations = participations.filter(organization__name__icontains=query)
        page = Paginator(participations, PAGE_SIZE).get_page(number)
        context |= {
            "participations": page,
            "page": page,
            "query": query,
            "chosen_participation": chosen_participation,
            "meetings": (
                meetings_of_participation(
                    event, chosen_participation.pk, published_only=published_only
                )
                if chosen_participation
                else []
            ),
        }
    if published_only:  # the requests left unscheduled and the drafts are the organizers'
        return render(request, "orga/meetings/schedule.html", context)
    unplaced = unplaced_requests(event)
    context["unscheduled"] = unplaced[:UNSCHEDULED_SHOWN]
    context["unscheduled_count"] = len(unplaced)
    context["draft_count"] = event.meetings.filter(published=False).count()
    return render(request, "orga/meetings/schedule.html", context)


def _slot_label(row: SlotRow) -> str:
    return ngettext(
        "%(session)s · %(start)s (%(count)d meeting)",
        "%(session)s · %(start)s (%(count)d meetings)",
        row.meetings,
    ) % {
        "session": row.session.code,
        "start": dates.day_and_clock(row.start),
        "count": row.meetings,
    }


@organizer_required
def move(request: HttpRequest, event: Event, meeting_id: int) -> HttpResponse:
    """Move one meeting; the conflicts of a refused move are listed, nothing is changed."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("a__organization", "b__organization", "session"),
        pk=meeting_id,
        event=event,
    )
    slots = {row.key: row for row in event_slots(event)}
    current = next(
        (
            k
            for k, row in slots.items()
            if row.session.pk == meeting.session_id and row.start == meeting.start
        ),
        None,
    )
    form = MoveForm(
        [(key, _slot_label(row)) for key, row in slots.items()],
        event_locations(event, online=meeting.online),
        request.POST or None,
        online=meeting.online,
        initial={"slot": current, "location": meeting.location},
    )
    conflicts: list[str] = []
    if request.method == "POST" and form.is_valid():
        chosen = slots[form.cleaned_data["slot"]]
        try:
            move_meeting(
                meeting=meeting,
                session=chosen.session,
                start=chosen.start,
                location=form.cleaned_data["location"],
            )
        except MeetingRuleError as error:
            conflicts = error.reasons
        else:
            notify_agenda_changes_on_commit(event=event)
            messages.success(request, _("Meeting moved."))
            target = reverse("orga:schedule", kwargs={"event_id": event.pk})
            return redirect(f"{target}?{urlencode({'slot': chosen.key})}")
    return render(
        request,
        "orga/meetings/move.html",
        {"event": event, "meeting": meeting, "form": form, "conflicts": conflicts},
    )


@organizer_required
@require_POST
def publish(request: HttpRequest, event: Event) -> HttpResponse:
    count = publish_schedule(event=event)
    notify_agenda_changes_on_commit(event=event)
    messages.success(
        request,
        ngettext(
            "Schedule published (%(count)d new meeting). Later runs keep it.",
            "Schedule published (%(count)d new meetings). Later runs keep these meetings.",
            count,
        )
        % {"count": count},
    )
    return redirect("orga:schedule", event_id=event.pk)
