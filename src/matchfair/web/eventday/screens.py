"""What the screens at the tables and the entrance show: names, organizations, tables, times.

Screens hang in the hall without a login, so the reads here return only what may be
read from across the room (organization and delegate names as written, in their own
script, the table, the times and the interpreter's id), never a contact. Each read
takes a fixed number of queries however many meetings the event holds, so two hundred
screens refreshing every few seconds stay cheap.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.eventday.board import day_bounds
from matchfair.web.eventday.models import DayRules
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting
from matchfair.web.meetings.queries import table_order

# A screen shows at most this many tables: a larger group would not be readable.
MAX_TABLES = 12


@dataclass(frozen=True)
class ScreenSide:
    organization: str
    people: list[str]


@dataclass(frozen=True)
class ScreenMeeting:
    location: str
    online: bool
    start: datetime
    end: datetime
    first: ScreenSide
    second: ScreenSide
    interpreter: str


@dataclass(frozen=True)
class TableScreen:
    """One table's current meeting (running now) and the next one after it today."""

    location: str
    current: ScreenMeeting | None
    next: ScreenMeeting | None


def screen_event(token: str) -> Event | None:
    """The event whose screens' link this is, or None (a revoked or made-up link)."""
    if not token:
        return None
    rules = DayRules.objects.select_related("event").filter(screen_token=token).first()
    return rules.event if rules is not None else None


def _people(side: str) -> Prefetch:
    """A side's delegates with their names (one query for every meeting's side)."""
    return Prefetch(
        f"{side}__organization__delegates",
        queryset=Delegate.objects.select_related("user").filter(user__is_active=True),
    )


def _side(participation: Participation) -> ScreenSide:
    people = [
        delegate.user.get_full_name()
        for delegate in participation.organization.delegates.all()
        if delegate.user.get_full_name()
    ]
    return ScreenSide(participation.organization.name, sorted(people))


def _screen_meetings(meetings: QuerySet[Meeting]) -> list[ScreenMeeting]:
    """The meetings with their sides' names (three queries, whatever their number)."""
    rows = meetings.select_related(
        "a__organization", "b__organization", "interpreter"
    ).prefetch_related(_people("a"), _people("b"))
    return [
        ScreenMeeting(
            location=meeting.location or "",
            online=meeting.online,
            start=meeting.start,
            end=meeting.end,
            first=_side(meeting.a),
            second=_side(meeting.b),
            interpreter=meeting.interpreter.code if meeting.interpreter else "",
        )
        for meeting in rows
    ]


def _today(event: Event, now: datetime) -> QuerySet[Meeting]:
    """Today's live meetings not over yet, in time order."""
    _day, _start, end = day_bounds(event, now)
    return Meeting.objects.filter(event=event, published=True, end__gt=now, start__lt=end).order_by(
        "start", "pk"
    )


def table_screens(
    event: Event, tables: list[str], *, now: datetime | None = None
) -> list[TableScreen]:
    """Each named table's meeting now and its next one today, tables in the order given."""
    now = now or timezone.now()
    upcoming: dict[str, list[ScreenMeeting]] = {table: [] for table in tables}
    for meeting in _screen_meetings(_today(event, now).filter(location__in=tables)):
        upcoming[meeting.location].append(meeting)
    screens = []
    for table in tables:
        meetings = upcoming[table]
        current = next((m for m in meetings if m.start <= now), None)
        later = [m for m in meetings if m.start > now]
        screens.append(TableScreen(table, current, later[0] if later else None))
    return screens


def entrance_board(
    event: Event, *, now: datetime | None = None
) -> tuple[datetime | None, list[ScreenMeeting]]:
    """The next slot to start today and its meetings by table (online rooms last)."""
    now = now or timezone.now()
    upcoming = _today(event, now).filter(start__gte=now)
    first = upcoming.values_list("start", flat=True).first()
    if first is None:
        return None, []
    meetings = _screen_meetings(upcoming.filter(start=first))
    return first, sorted(meetings, key=lambda m: (m.online, table_order(m.location)))
