"""Turning a placement into schedule entries: times, tables, online rooms, interpreters.

Tables and rooms are interchangeable for the solver (only their number matters), so
they are numbered here, per slot: a meeting kept from a published schedule keeps its
location when it still fits, and the others take the lowest free number.
"""

from matchfair.core import ScheduledMeeting
from matchfair.scheduling.problem import Placement
from matchfair.scheduling.problem_builder import BuiltProblem


def table_name(number: int) -> str:
    return f"table-{number}"


def room_name(number: int) -> str:
    return f"room-{number}"


def scheduled_meetings(
    built: BuiltProblem,
    placement: Placement,
    interpreter_ids: list[str],
    preferred_locations: dict[int, str] | None = None,
) -> list[ScheduledMeeting]:
    """Schedule entries for a placement, sorted by time then pair.

    ``preferred_locations`` (candidate index -> location) keeps published locations.
    """
    problem = built.problem
    preferred = preferred_locations or {}
    taken: dict[int, set[str]] = {}
    located: dict[int, str] = {}
    order = sorted(placement, key=lambda index: (placement[index].slot, index))
    for index in order:
        location = preferred.get(index)
        slot = placement[index].slot
        if location and location not in taken.setdefault(slot, set()):
            taken[slot].add(location)
            located[index] = location
    next_number: dict[tuple[int, bool], int] = {}
    for index in order:
        if index in located:
            continue
        slot = placement[index].slot
        online = problem.candidates[index].online
        name = room_name if online else table_name
        number = next_number.get((slot, online), 1)
        while name(number) in taken.setdefault(slot, set()):
            number += 1
        next_number[(slot, online)] = number + 1
        taken[slot].add(name(number))
        located[index] = name(number)
    meetings = []
    for index in order:
        candidate = problem.candidates[index]
        assignment = placement[index]
        slot = built.slots[assignment.slot]
        meeting = built.meetings[index]
        meetings.append(
            ScheduledMeeting(
                a=meeting.a,
                b=meeting.b,
                session=slot.session,
                start=slot.start,
                end=slot.end,
                location=located[index],
                online=candidate.online,
                interpreter=(
                    interpreter_ids[assignment.interpreter]
                    if assignment.interpreter is not None
                    else None
                ),
            )
        )
    return meetings
