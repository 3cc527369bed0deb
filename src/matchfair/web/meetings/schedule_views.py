"""What the schedule review shows: slots with their meeting counts, tables, one organization.

Kept apart from the view functions so that each view is a few lines and the
queries stay few and bounded, however large the event (one slot, one table or one
organization at a time).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet

from matchfair import core
from matchfair.web.events.core_sessions import session_from_row
from matchfair.web.events.models import Event, Session
from matchfair.web.meetings.models import Meeting

ONLINE = "online"


@dataclass(frozen=True)
class SlotRow:
    key: str
    session: Session
    start: datetime
    end: datetime
    meetings: int


def slot_key(session: Session, index: int) -> str:
    """A slot in a URL or a form: the session's database id and the slot's index in it."""
    return f"{session.pk}|{index}"


def _meetings(event: Event, published_only: bool) -> QuerySet[Meeting]:
    """The event's meetings; published ones only for a reader who may not see drafts."""
    meetings = Meeting.objects.filter(event=event)
    return meetings.filter(published=True) if published_only else meetings


def event_slots(event: Event, *, published_only: bool = False) -> list[SlotRow]:
    """Every slot of every session, with how many meetings it holds (two queries)."""
    counts = dict(
        _meetings(event, published_only)
        .values("start")
        .annotate(n=Count("id"))
        .values_list("start", "n")
    )
    rows = []
    for session in Session.objects.filter(event=event):
        slots = core.session_slots(session_from_row(session))
        rows += [
            SlotRow(slot_key(session, s.index), session, s.start, s.end, counts.get(s.start, 0))
            for s in slots
        ]
    return rows


def with_parties(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.select_related(
        "a__organization", "b__organization", "session", "interpreter"
    ).order_by("start", "location", "pk")


def table_order(name: str | None) -> tuple[str, int]:
    """Natural order of table names: table-2 before table-10."""
    stem, _dash, number = (name or "").rpartition("-")
    return (stem, int(number)) if number.isdigit() else (name or "", 0)


def meetings_in_slot(
    event: Event, start: datetime, *, published_only: bool = False
) -> list[Meeting]:
    """The slot's meetings, tables in natural order, online meetings last."""
    meetings = with_parties(_meetings(event, published_only).filter(start=start))
    return sorted(meetings, key=lambda m: (m.online, table_order(m.location)))


def locations(event: Event, *, published_only: bool = False) -> list[str]:
    """The tables in use, in natural order (table-2 before table-10), then online."""
    meetings = _meetings(event, published_only)
    names = set(
        meetings.filter(online=False)
        .exclude(location=None)
        .values_list("location", flat=True)
        .distinct()
    )
    ordered = sorted(names, key=table_order)
    if meetings.filter(online=True).exists():
        ordered.append(ONLINE)
    return ordered


def meetings_at(event: Event, location: str, *, published_only: bool = False) -> QuerySet[Meeting]:
    meetings = _meetings(event, published_only)
    if location == ONLINE:
        return with_parties(meetings.filter(online=True))
    return with_parties(meetings.filter(location=location, online=False))


def meetings_of_participation(
    event: Event, participation_id: int, *, published_only: bool = False
) -> QuerySet[Meeting]:
    return with_parties(
        _meetings(event, published_only).filter(Q(a_id=participation_id) | Q(b_id=participation_id))
    )
