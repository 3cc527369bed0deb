"""Quality of a schedule in the spec's terms: weight, mandatory meetings, breaks, idle slots.

A break is a maximal run of idle slots between two meetings of one organization in
one session; idle slots are all the empty slots between its first and last meeting
of a session. Both are summed over organizations and sessions.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from matchfair.core import Event, Schedule, accepted_meetings
from matchfair.scheduling.problem import Placement, Problem
from matchfair.scheduling.slot_index import SlotIndex


@dataclass(frozen=True)
class Gaps:
    breaks: int
    idle: int


@dataclass(frozen=True)
class ScheduleQuality:
    meetings: int
    requested: int
    weight: int
    requested_weight: int
    mandatory: int
    requested_mandatory: int
    breaks: int
    idle: int


def row_gaps(occupied: list[bool]) -> Gaps:
    """Breaks and idle slots of one organization's occupancy of one session's slots."""
    busy = [position for position, value in enumerate(occupied) if value]
    if not busy:
        return Gaps(0, 0)
    breaks = idle = 0
    previous_idle = False
    for position in range(busy[0], busy[-1] + 1):
        is_idle = not occupied[position]
        idle += is_idle
        breaks += is_idle and not previous_idle
        previous_idle = is_idle
    return Gaps(breaks, idle)


def occupancy_gaps(
    occupied_positions: Iterable[tuple[str, str, int]], session_lengths: dict[str, int]
) -> Gaps:
    """Total breaks and idle slots from (organization, session, slot position) triples."""
    rows: dict[tuple[str, str], list[bool]] = {}
    for organization, session, position in occupied_positions:
        row = rows.setdefault((organization, session), [False] * session_lengths[session])
        row[position] = True
    total_breaks = total_idle = 0
    for row in rows.values():
        gaps = row_gaps(row)
        total_breaks += gaps.breaks
        total_idle += gaps.idle
    return Gaps(total_breaks, total_idle)


def placement_gaps(problem: Problem, placement: Placement, parties: set[int]) -> tuple[int, int]:
    """(breaks, idle slots) of a placement over ``parties``: a key where lower is better."""
    rows: dict[tuple[int, int], list[bool]] = {}
    for index, assignment in placement.items():
        candidate = problem.candidates[index]
        info = problem.slots[assignment.slot]
        for party in (candidate.a, candidate.b):
            if party in parties:
                row = rows.setdefault(
                    (party, info.session), [False] * len(problem.sessions[info.session])
                )
                row[info.position] = True
    breaks = idle = 0
    for row in rows.values():
        gaps = row_gaps(row)
        breaks += gaps.breaks
        idle += gaps.idle
    return breaks, idle


def schedule_quality(event: Event, schedule: Schedule) -> ScheduleQuality:
    """Measure a schedule; meetings that are not accepted requests or not in a slot count for nothing."""
    accepted = {(meeting.a, meeting.b): meeting for meeting in accepted_meetings(event)}
    index = SlotIndex(event)
    lengths: dict[str, int] = {}
    for slot in index.slots:
        lengths[slot.session] = max(lengths.get(slot.session, 0), slot.index + 1)
    seen: set[tuple[str, str]] = set()
    weight = mandatory = 0
    occupied: list[tuple[str, str, int]] = []
    for meeting in schedule.meetings:
        pair = tuple(sorted((meeting.a, meeting.b)))
        request = accepted.get(pair)  # type: ignore[arg-type]
        number = index.find(meeting)
        if request is None or number is None or pair in seen:
            continue
        seen.add(pair)  # type: ignore[arg-type]
        weight += request.weight
        mandatory += request.mandatory
        position = index.slot(number).index
        occupied.append((meeting.a, meeting.session, position))
        occupied.append((meeting.b, meeting.session, position))
    gaps = occupancy_gaps(occupied, lengths)
    return ScheduleQuality(
        meetings=len(seen),
        requested=len(accepted),
        weight=weight,
        requested_weight=sum(meeting.weight for meeting in accepted.values()),
        mandatory=mandatory,
        requested_mandatory=sum(meeting.mandatory for meeting in accepted.values()),
        breaks=gaps.breaks,
        idle=gaps.idle,
    )
