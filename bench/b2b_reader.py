"""Read the B2B benchmark instances of Bofill et al. (JAIR 2022) into Matchfair events.

The ``.dzn`` files stay where they are (``../shared/data/b2b-instances``, licence
unknown); this reader takes a path. Mapping: participants become organizations
``p1``...; the morning and afternoon become two sessions of 20-minute slots;
``nTables`` becomes ``event.tables``; the meeting's session code (1 morning,
2 afternoon, 3 either) becomes the request's session restriction; ``forbidden``
slots become holes in the organization's availability; ``fixed`` slots become a
published schedule for ``--keep``. Precedences have no counterpart in the event
format and are reported, not modelled.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from matchfair.core import (
    Event,
    EventInfo,
    MeetingRequest,
    Organization,
    Schedule,
    ScheduledMeeting,
    Session,
    Window,
)

SLOT = timedelta(minutes=20)
MORNING = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
AFTERNOON = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


@dataclass(frozen=True)
class B2BMeeting:
    first: int
    second: int
    session_code: int


@dataclass
class B2BInstance:
    """The raw content of one ``.dzn`` file (participants and slots 1-based, as in the file)."""

    name: str
    participants: int
    tables: int
    total_slots: int
    morning_slots: int
    meetings: list[B2BMeeting]
    forbidden: list[set[int]]
    fixed: list[int]
    precedences: int


def _scalar(text: str, name: str) -> int:
    match = re.search(rf"\b{name}\s*=\s*(\d+)\s*;", text)
    if match is None:
        raise ValueError(f"{name} missing")
    return int(match.group(1))


def _block(text: str, name: str) -> str | None:
    match = re.search(rf"\b{name}\s*=\s*(.*?);", text, re.DOTALL)
    return match.group(1) if match else None


def _sets(block: str) -> list[set[int]]:
    return [
        {int(v) for v in re.findall(r"\d+", body)} for body in re.findall(r"\{([^}]*)\}", block)
    ]


def read_instance(path: Path) -> B2BInstance:
    """Parse one instance file."""
    text = path.read_text()
    requested = _block(text, "requested") or ""
    rows = [tuple(int(v) for v in re.findall(r"\d+", row)) for row in requested.split("|")]
    meetings = [B2BMeeting(*row) for row in rows if len(row) == 3]
    participants = _scalar(text, "nBusiness")
    forbidden_block = _block(text, "forbidden")
    forbidden = [s - {0} for s in _sets(forbidden_block)] if forbidden_block else []
    forbidden += [set() for _ in range(participants - len(forbidden))]
    fixed_block = _block(text, "fixed")
    fixed = [int(v) for v in re.findall(r"\d+", fixed_block)] if fixed_block else []
    fixed += [0] * (len(meetings) - len(fixed))
    precedence_block = _block(text, "precedences")
    precedences = sum(len(s) for s in _sets(precedence_block)) if precedence_block else 0
    return B2BInstance(
        name=path.name.removesuffix(".dzn"),
        participants=participants,
        tables=_scalar(text, "nTables"),
        total_slots=_scalar(text, "nTotalSlots"),
        morning_slots=_scalar(text, "nMorningSlots"),
        meetings=meetings,
        forbidden=forbidden,
        fixed=fixed,
        precedences=precedences,
    )


def _slot_start(instance: B2BInstance, slot: int) -> datetime:
    """Start of the 1-based slot ``slot``: morning slots from 08:00, afternoon ones from 14:00."""
    if slot <= instance.morning_slots:
        return MORNING + (slot - 1) * SLOT
    return AFTERNOON + (slot - instance.morning_slots - 1) * SLOT


def _session_id(instance: B2BInstance, slot: int) -> str:
    return "morning" if slot <= instance.morning_slots else "afternoon"


def _availability(instance: B2BInstance, forbidden: set[int]) -> list[Window] | None:
    """Windows covering every allowed slot (consecutive allowed slots of a session merged)."""
    if not forbidden:
        return None
    windows: list[Window] = []
    for slot in range(1, instance.total_slots + 1):
        if slot in forbidden:
            continue
        start = _slot_start(instance, slot)
        previous = slot - 1
        if (
            windows
            and previous >= 1
            and previous not in forbidden
            and _session_id(instance, previous) == _session_id(instance, slot)
        ):
            windows[-1] = Window(start=windows[-1].start, end=start + SLOT)
        else:
            windows.append(Window(start=start, end=start + SLOT))
    return windows


def to_event(instance: B2BInstance) -> Event:
    """The instance as a Matchfair event (every meeting accepted, weight 1)."""
    sessions = [
        Session(
            id="morning",
            start=MORNING,
            end=MORNING + instance.morning_slots * SLOT,
            slot_minutes=20,
            mode="onsite",
        )
    ]
    afternoon = instance.total_slots - instance.morning_slots
    if afternoon:
        sessions.append(
            Session(
                id="afternoon",
                start=AFTERNOON,
                end=AFTERNOON + afternoon * SLOT,
                slot_minutes=20,
                mode="onsite",
            )
        )
    session_names = {1: ["morning"], 2: ["afternoon"], 3: None}
    organizations = [
        Organization(
            id=f"p{number}",
            name=f"Participant {number}",
            availability=_availability(instance, instance.forbidden[number - 1]),
        )
        for number in range(1, instance.participants + 1)
    ]
    requests = [
        MeetingRequest.model_validate(
            {
                "from": f"p{meeting.first}",
                "to": f"p{meeting.second}",
                "sessions": session_names[meeting.session_code] if afternoon else None,
            }
        )
        for meeting in instance.meetings
    ]
    return Event(
        event=EventInfo(
            id=instance.name, name=instance.name, sessions=sessions, tables=instance.tables
        ),
        organizations=organizations,
        meeting_requests=requests,
    )


def published_schedule(instance: B2BInstance) -> Schedule | None:
    """The instance's fixed meetings as a published schedule (None when nothing is fixed)."""
    meetings = []
    for meeting, slot in zip(instance.meetings, instance.fixed, strict=True):
        if slot == 0:
            continue
        start = _slot_start(instance, slot)
        a, b = sorted((f"p{meeting.first}", f"p{meeting.second}"))
        meetings.append(
            ScheduledMeeting(
                a=a,
                b=b,
                session=_session_id(instance, slot),
                start=start,
                end=start + SLOT,
            )
        )
    if not meetings:
        return None
    return Schedule(event=instance.name, meetings=meetings)
