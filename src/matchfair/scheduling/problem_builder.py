"""From an event file to the indexed problem: where the spec's placement rules are applied.

Rules 2, 3, 5 and 7 of the spec decide where a meeting may go at all; they are turned
here into each candidate's list of possible slots and interpreters, so that every
engine downstream only deals with capacities (rules 4 and 6).
"""

import functools
from dataclasses import dataclass

from matchfair.core import (
    Event,
    Organization,
    RequestedMeeting,
    Slot,
    accepted_meetings,
    event_slots,
    window_contains,
)
from matchfair.scheduling.problem import Candidate, Problem, SlotInfo


@dataclass
class BuiltProblem:
    """The problem plus what is needed to turn solver indices back into ids and times."""

    problem: Problem
    meetings: list[RequestedMeeting]
    slots: list[Slot]
    session_ids: list[str]


def needs_interpreter(first: Organization, second: Organization) -> bool:
    """Rule 7: both sides list languages and share none."""
    return bool(first.languages and second.languages) and not (
        set(first.languages) & set(second.languages)
    )


def is_online(first: Organization, second: Organization) -> bool:
    """Rule 5: on site only when both attend on site."""
    return first.attendance == "online" or second.attendance == "online"


def mode_allows(mode: str, online: bool) -> bool:
    """Rule 5: an onsite session holds only on-site meetings, an online one only online ones."""
    return mode == "hybrid" or (mode == "online") == online


def build_problem(event: Event) -> BuiltProblem:
    """Index the event's accepted meetings with the slots and interpreters each may use."""
    slots = event_slots(event.event)
    session_ids = [session.id for session in event.event.sessions]
    session_index = {session_id: number for number, session_id in enumerate(session_ids)}
    modes = {session.id: session.mode for session in event.event.sessions}
    ranges: list[range] = []
    start = 0
    for session_id in session_ids:
        count = sum(1 for slot in slots if slot.session == session_id)
        ranges.append(range(start, start + count))
        start += count

    organizations = event.organizations
    party_index = {organization.id: number for number, organization in enumerate(organizations)}
    available = [
        frozenset(t for t, slot in enumerate(slots) if window_contains(org.availability, slot))
        for org in organizations
    ]
    interpreter_slots = [
        frozenset(t for t, slot in enumerate(slots) if window_contains(person.availability, slot))
        for person in event.interpreters
    ]

    meetings = accepted_meetings(event)
    candidates: list[Candidate] = []
    # Large events repeat the same language pairs thousands of times: who can interpret
    # a pair, and when any of them is present, is worked out once per pair.
    interpreters_for: dict[tuple[frozenset[str], frozenset[str]], tuple[int, ...]] = {}
    present: dict[tuple[int, ...], frozenset[int]] = {}
    by_mode = {
        online: frozenset(
            t for t, slot in enumerate(slots) if mode_allows(modes[slot.session], online)
        )
        for online in (False, True)
    }

    @functools.cache
    def in_sessions(sessions: frozenset[str]) -> frozenset[int]:
        return frozenset(t for t, slot in enumerate(slots) if slot.session in sessions)

    for meeting in meetings:
        a, b = party_index[meeting.a], party_index[meeting.b]
        first, second = organizations[a], organizations[b]
        online = is_online(first, second)
        interpreters: tuple[int, ...] | None = None
        if needs_interpreter(first, second):
            pair = (frozenset(first.languages), frozenset(second.languages))
            if pair not in interpreters_for:
                interpreters_for[pair] = tuple(
                    number
                    for number, person in enumerate(event.interpreters)
                    if set(person.languages) & pair[0] and set(person.languages) & pair[1]
                )
            interpreters = interpreters_for[pair]
            if interpreters not in present:
                present[interpreters] = frozenset().union(
                    *(interpreter_slots[i] for i in interpreters)
                )
        usable = available[a] & available[b] & by_mode[online]
        if meeting.sessions is not None:
            usable &= in_sessions(meeting.sessions)
        if interpreters is not None:
            usable &= present[interpreters]
        allowed = tuple(sorted(usable))
        candidates.append(
            Candidate(a, b, meeting.weight, meeting.mandatory, online, allowed, interpreters)
        )

    tables = event.event.tables
    rooms = event.event.online_rooms
    problem = Problem(
        parties=[organization.id for organization in organizations],
        capacity=[organization.delegates for organization in organizations],
        slots=[SlotInfo(session_index[slot.session], slot.index) for slot in slots],
        sessions=ranges,
        onsite_capacity=[0 if modes[slot.session] == "online" else tables for slot in slots],
        online_capacity=[0 if modes[slot.session] == "onsite" else rooms for slot in slots],
        candidates=candidates,
        interpreter_slots=interpreter_slots,
    )
    return BuiltProblem(problem, meetings, slots, session_ids)
