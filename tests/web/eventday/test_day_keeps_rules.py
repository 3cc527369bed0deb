"""Property: any sequence of the day's changes keeps rules 1-8.

Random small events on their day (one session of a few slots, a few tables and online
rooms, organizations on site and online, of few languages, with or without
interpreters), published, then a random sequence of steps at random times of the
day: participants book on the spot (many are refused: that is the point), a side or
the organizer cancels a meeting or withdraws a request, a side says it is there or
marks the other a no-show, the organizer moves a meeting or removes an organization.
After every step the stored schedule, exported as ``matchfair check`` reads it, breaks
no rule of the scheduler's validator (rule 8 included: a cancelled or no-show pair's
requests are declined, so nothing accepted is left unscheduled), and a booking never
moves a meeting that was already there. The seed is fixed (``derandomize``) so a
failure is reproducible.
"""

import contextlib
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair import core
from matchfair.scheduling import validate_schedule
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain.cancellations import (
    CancellationRuleError,
    cancel_meeting,
    withdraw_request,
)
from matchfair.web.eventday.domain.presence import PresenceRuleError, mark_no_show, mark_present
from matchfair.web.eventday.models import Presence
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.models import Event, Session
from matchfair.web.exchange.from_database import export_event, export_schedule
from matchfair.web.exchange.spot_booking import book_spot_validated
from matchfair.web.exchange.to_database import import_event
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.moves import move_meeting
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.meetings.queries import event_locations, session_slots
from matchfair.web.outcomes.domain.participation_removal import remove_participation
from matchfair.web.outcomes.models import MeetingOutcome

pytestmark = pytest.mark.django_db

DAY = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
SLOT = timedelta(minutes=20)
LANGUAGES = [["zh"], ["en"], ["de"], ["zh", "en"], ["en", "de"]]
INTERPRETERS = [["zh", "en"], ["zh", "de"], ["en", "de"]]
numbers = itertools.count()
CHANGED: dict[str, list[bool]] = {}  # per kind of step: whether each one changed the day


@st.composite
def day_events(draw: st.DrawFn) -> dict:
    slots = draw(st.integers(2, 4))
    count = draw(st.integers(3, 7))
    return {
        "format": "matchfair-event/1",
        "event": {
            "id": f"spot-{next(numbers)}",
            "name": "Spot event",
            "sessions": [
                {
                    "id": "s",
                    "start": DAY.isoformat(),
                    "end": (DAY + slots * SLOT).isoformat(),
                    "slot_minutes": 20,
                    "mode": draw(st.sampled_from(["hybrid", "hybrid", "onsite", "online"])),
                }
            ],
            "tables": draw(st.sampled_from([None, 1, 2])),
            "online_rooms": draw(st.sampled_from([None, 1])),
        },
        "organizations": [
            {
                "id": f"o{number}",
                "name": f"Organization {number}",
                "languages": draw(st.sampled_from(LANGUAGES)),
                "attendance": draw(st.sampled_from(["onsite", "onsite", "online"])),
                "delegates": draw(st.sampled_from([1, 1, 2])),
                **(
                    {"availability": [{"start": DAY.isoformat(), "end": (DAY + SLOT).isoformat()}]}
                    if draw(st.integers(0, 4)) == 0
                    else {}
                ),
            }
            for number in range(count)
        ],
        "meeting_requests": [],
        "interpreters": [
            {"id": f"i{number}", "languages": languages}
            for number, languages in enumerate(
                draw(st.lists(st.sampled_from(INTERPRETERS), max_size=2))
            )
        ],
    }


@dataclass
class Walk:
    event: Event
    session: Session
    now: datetime
    organizer: AbstractBaseUser

    def participations(self) -> list[Participation]:
        return list(
            Participation.objects.filter(event=self.event)
            .select_related("organization", "event")
            .order_by("pk")
        )

    def meetings(self) -> list[Meeting]:
        return list(
            Meeting.objects.filter(event=self.event)
            .select_related("event", "session", "interpreter")
            .order_by("pk")
        )


def _rows(walk: Walk) -> set[tuple]:
    return set(
        Meeting.objects.filter(event=walk.event).values_list(
            "pk", "start", "location", "online", "interpreter_id", "published"
        )
    )


def _day(walk: Walk) -> tuple:
    """What a step may change: the live meetings, the requests, presences and outcomes."""
    return (
        _rows(walk),
        set(MeetingRequest.objects.filter(event=walk.event).values_list("pk", "status")),
        set(Presence.objects.filter(meeting__event=walk.event).values_list("pk", flat=True)),
        set(MeetingOutcome.objects.filter(event=walk.event).values_list("pk", "status")),
    )


def _book(walk: Walk, draw: st.DrawFn) -> None:
    """Two participants book a slot together; a refusal changes nothing."""
    sides = walk.participations()
    booker, partner = draw(st.sampled_from(sides)), draw(st.sampled_from(sides))
    slot = draw(st.sampled_from(session_slots(walk.session)))
    before = _rows(walk)
    reasons: list[str] = []
    try:
        book_spot_validated(
            participation=booker,
            partner=partner,
            session=walk.session,
            start=slot.start,
            user=None,
            now=walk.now,
        )
    except MeetingRuleError as refused:
        reasons = refused.reasons
    after = _rows(walk)
    # Refused: nothing changed. Booked: one row more, and none of the others moved.
    assert (after == before) if reasons else (before < after and len(after - before) == 1)


def _move(walk: Walk, draw: st.DrawFn) -> None:
    """The organizer moves a meeting to another slot and table (or room)."""
    meetings = walk.meetings()
    if not meetings:
        return
    meeting = draw(st.sampled_from(meetings))
    slot = draw(st.sampled_from(session_slots(walk.session)))
    places = event_locations(walk.event, online=meeting.online)
    location = draw(st.sampled_from([*places, None]))
    try:
        move_meeting(meeting=meeting, session=walk.session, start=slot.start, location=location)
    except MeetingRuleError:
        return  # refused with its reasons (tests/web/meetings/test_moves.py): nothing moved


def _moment(walk: Walk, draw: st.DrawFn) -> datetime:
    """A time of the event's day: before, during or after a slot."""
    slot = draw(st.sampled_from(session_slots(walk.session)))
    return slot.start + timedelta(minutes=draw(st.sampled_from([-150, -30, 0, 5, 15, 60])))


def _side_or_organizer(draw: st.DrawFn, meeting: Meeting) -> Participation | None:
    return draw(st.sampled_from([meeting.a, meeting.b, None]))


def _cancel(walk: Walk, draw: st.DrawFn) -> None:
    """A side (held to the cut-off) or the organizer cancels a meeting."""
    meetings = walk.meetings()
    if not meetings:
        return
    meeting = draw(st.sampled_from(meetings))
    with contextlib.suppress(CancellationRuleError):
        cancel_meeting(
            meeting=meeting,
            by=_side_or_organizer(draw, meeting),
            user=None,
            reason="changed plans",
            now=_moment(walk, draw),
        )


def _withdraw(walk: Walk, draw: st.DrawFn) -> None:
    """A side or the organizer withdraws one of the event's requests."""
    requests = list(
        MeetingRequest.objects.filter(event=walk.event).select_related("requester", "recipient")
    )
    if not requests:
        return
    asked = draw(st.sampled_from(requests))
    with contextlib.suppress(CancellationRuleError):
        withdraw_request(
            meeting_request=asked,
            by=draw(st.sampled_from([asked.requester, asked.recipient, None])),
            user=None,
            reason="no longer needed",
            now=_moment(walk, draw),
        )


def _present(walk: Walk, draw: st.DrawFn) -> None:
    """One side of a meeting says it is there (held when both are)."""
    meetings = walk.meetings()
    if not meetings:
        return
    meeting = draw(st.sampled_from(meetings))
    with contextlib.suppress(PresenceRuleError):
        mark_present(
            meeting=meeting,
            side=draw(st.sampled_from([meeting.a, meeting.b])),
            now=_moment(walk, draw),
        )


def _no_show(walk: Walk, draw: st.DrawFn) -> None:
    """The other side or the organizer marks a side a no-show (refused before the grace)."""
    meetings = walk.meetings()
    if not meetings:
        return
    meeting = draw(st.sampled_from(meetings))
    absent = draw(st.sampled_from([meeting.a, meeting.b]))
    by_side = draw(st.sampled_from([meeting.b if absent == meeting.a else meeting.a, None]))
    with contextlib.suppress(PresenceRuleError):
        mark_no_show(
            meeting=meeting,
            absent=absent,
            by_side=by_side,
            user=walk.organizer,
            now=_moment(walk, draw),
        )


def _remove(walk: Walk, draw: st.DrawFn) -> None:
    """The organizer removes an organization (refused while it has published meetings)."""
    sides = walk.participations()
    if len(sides) > 2:
        with contextlib.suppress(EventRuleError):  # it has published meetings
            remove_participation(participation=draw(st.sampled_from(sides)))


def _seed_meetings(walk: Walk, wanted: int) -> None:
    """Book the first pairs that fit, so that cancellations and no-shows have meetings to act on."""
    sides = walk.participations()
    pairs = [(a, b) for number, a in enumerate(sides) for b in sides[number + 1 :]]
    for (a, b), slot in itertools.product(pairs, session_slots(walk.session)):
        if Meeting.objects.filter(event=walk.event).count() >= wanted:
            return
        with contextlib.suppress(MeetingRuleError):
            book_spot_validated(
                participation=a,
                partner=b,
                session=walk.session,
                start=slot.start,
                user=None,
                now=walk.now,
            )


STEPS: dict[str, Callable[[Walk, st.DrawFn], None]] = {
    "book": _book,
    "book again": _book,
    "book once more": _book,
    "move": _move,
    "remove": _remove,
    "cancel": _cancel,
    "withdraw": _withdraw,
    "present": _present,
    "no-show": _no_show,
}


def _violations(event: Event) -> list[str]:
    document = export_event(event, with_results=False)
    return [str(v) for v in validate_schedule(document, export_schedule(event))]


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(day_events(), st.data())
def _walks(document: dict, data: st.DataObject) -> None:
    event = import_event(core.parse_event(document))
    event.schedule_published_at = timezone.now()
    event.save(update_fields=["schedule_published_at"])
    organizer = get_user_model().objects.create_user(f"organizer-{event.pk}")
    event.organizers.add(organizer)
    walk = Walk(event=event, session=Session.objects.get(event=event), now=DAY, organizer=organizer)
    _seed_meetings(walk, data.draw(st.integers(0, 3)))
    assert _violations(event) == [], "seeded"
    steps = data.draw(st.lists(st.sampled_from(sorted(STEPS)), min_size=1, max_size=10))
    for step in steps:
        before = _day(walk)
        STEPS[step](walk, data.draw)
        CHANGED.setdefault(step.split()[0], []).append(_day(walk) != before)
        assert _violations(event) == [], step


def test_the_days_changes_keep_the_schedule_valid():
    """Every walk keeps rules 1-8, and each kind of step both goes through and is refused."""
    CHANGED.clear()
    _walks()

    for kind in ("book", "cancel", "no-show", "present"):
        assert any(CHANGED[kind]), kind
        assert not all(CHANGED[kind]), kind
