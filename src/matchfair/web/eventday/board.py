"""The organizer's live board: per slot of today, how many meetings run, wait, have not started.

Read from the live schedule (published ``Meeting`` rows with their ``Presence`` rows),
the no-shows kept as ``MeetingOutcome`` rows and the check-ins, in a fixed number of
queries however many meetings the day holds, so the board can refresh itself every
few seconds on a busy day.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from matchfair.web.eventday.models import Badge, CheckIn, Presence
from matchfair.web.eventday.queries import day_rules_of
from matchfair.web.events.models import Event, Session
from matchfair.web.meetings.models import Meeting
from matchfair.web.meetings.queries import event_locations, session_slots, table_order
from matchfair.web.outcomes.models import MeetingOutcome


@dataclass
class SlotFigures:
    """One slot of the day: its meetings by state, and the no-shows that left it."""

    start: datetime
    end: datetime
    running: int = 0
    waiting: int = 0
    not_started: int = 0
    no_show: int = 0

    @property
    def meetings(self) -> int:
        """The meetings still on the schedule in this slot."""
        return self.running + self.waiting + self.not_started


@dataclass(frozen=True)
class TableNow:
    """A table (or online room) in the running slot, and its meeting's state."""

    location: str
    meeting: Meeting
    present: frozenset[int]
    no_show_from: datetime

    @property
    def state(self) -> str:
        """``running`` (both sides there), ``waiting`` (one) or ``not-started`` (none)."""
        return ("not-started", "waiting", "running")[len(self.present)]

    @property
    def absent(self) -> list:
        """The sides that have not said they are there, which a no-show could name."""
        return [side for side in (self.meeting.a, self.meeting.b) if side.pk not in self.present]


@dataclass(frozen=True)
class Board:
    """What the organizer's live board shows."""

    day: date
    slots: list[SlotFigures]
    current: SlotFigures | None
    tables_now: list[TableNow]
    free_tables: list[str] = field(default_factory=list)
    checked_in: int = 0
    badges: int = 0


def day_bounds(event: Event, now: datetime) -> tuple[date, datetime, datetime]:
    """Today in the event's time zone, and its start and end as moments."""
    zone = ZoneInfo(event.timezone)
    today = now.astimezone(zone).date()
    start = datetime.combine(today, time.min, tzinfo=zone)
    return today, start, start + timedelta(days=1)


def _slots_of_day(event: Event, start: datetime, end: datetime) -> dict[datetime, SlotFigures]:
    slots: dict[datetime, SlotFigures] = {}
    for session in Session.objects.filter(event=event, start__lt=end, end__gt=start):
        for slot in session_slots(session):
            if start <= slot.start < end:
                slots.setdefault(slot.start, SlotFigures(slot.start, slot.end))
    return slots


def live_board(event: Event, *, now: datetime | None = None) -> Board:
    """Today's figures per slot, the running slot's tables, free tables and check-ins."""
    now = now or timezone.now()
    today, start, end = day_bounds(event, now)
    slots = _slots_of_day(event, start, end)
    live = Meeting.objects.filter(event=event, published=True, start__gte=start, start__lt=end)
    for row in live.values("pk", "start", "end").annotate(present=Count("presences")):
        figures = slots.setdefault(row["start"], SlotFigures(row["start"], row["end"]))
        if row["present"] >= 2:
            figures.running += 1
        elif row["present"] == 1:
            figures.waiting += 1
        else:
            figures.not_started += 1
    no_shows = MeetingOutcome.objects.filter(
        event=event, status=MeetingOutcome.Status.NO_SHOW, start__gte=start, start__lt=end
    )
    for when, count in no_shows.values("start").annotate(n=Count("id")).values_list("start", "n"):
        if when in slots:
            slots[when].no_show += count
    ordered = sorted(slots.values(), key=lambda figures: figures.start)
    current = next((s for s in ordered if s.start <= now < s.end), None)
    grace = timedelta(minutes=day_rules_of(event).no_show_grace_minutes)
    tables_now = _tables_now(live, current, grace)
    taken = {table.location for table in tables_now if not table.meeting.online}
    free = [name for name in event_locations(event, online=False) if name not in taken]
    return Board(
        day=today,
        slots=ordered,
        current=current,
        tables_now=tables_now,
        free_tables=free,
        checked_in=CheckIn.objects.filter(event=event).count(),
        badges=Badge.objects.filter(event=event).count(),
    )


def _tables_now(
    live: QuerySet[Meeting], current: SlotFigures | None, grace: timedelta
) -> list[TableNow]:
    """The running slot's meetings with who is there (two queries), tables in natural order."""
    if current is None:
        return []
    meetings = live.filter(start=current.start).select_related(
        "a__organization", "b__organization", "interpreter"
    )
    meetings = meetings.prefetch_related(
        Prefetch("presences", queryset=Presence.objects.only("meeting_id", "participation_id"))
    )
    tables = [
        TableNow(
            location=meeting.location or "",
            meeting=meeting,
            present=frozenset(p.participation_id for p in meeting.presences.all()),
            no_show_from=meeting.start + grace,
        )
        for meeting in meetings
    ]
    return sorted(tables, key=lambda t: (t.meeting.online, table_order(t.location)))
