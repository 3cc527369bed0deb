"""Cutting sessions into meeting slots, and testing slots against availability windows."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from matchfair.core.event import EventInfo, Session, Window


@dataclass(frozen=True, order=True)
class Slot:
    """One meeting slot: the ``index``-th slot of ``session`` (0-based)."""

    session: str
    index: int
    start: datetime
    end: datetime


def session_slots(session: Session) -> list[Slot]:
    """The slots of a session: one every slot+gap minutes from its start; a slot past the end is dropped."""
    length = timedelta(minutes=session.slot_minutes)
    step = length + timedelta(minutes=session.gap_minutes)
    slots: list[Slot] = []
    start = session.start
    while start + length <= session.end:
        slots.append(Slot(session.id, len(slots), start, start + length))
        start += step
    return slots


def event_slots(info: EventInfo) -> list[Slot]:
    """All slots of an event, session by session in the order of the file."""
    return [slot for session in info.sessions for slot in session_slots(session)]


def window_contains(windows: list[Window] | None, slot: Slot) -> bool:
    """Whether the slot lies wholly inside one window; no windows at all means always available."""
    if windows is None:
        return True
    return any(window.start <= slot.start and slot.end <= window.end for window in windows)
