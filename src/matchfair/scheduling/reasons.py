"""Why a meeting was not scheduled, in words an organizer can act on.

The reason is derived from the final placement: either the meeting could never fit
(no common available slot, no interpreter for the language pair, a session
restriction that no usable session meets), or every slot where it could go is taken
by something specific (one side fully booked, tables or rooms full, interpreters
busy), and the reason says which, with the times.

Each reason is a ``matchfair.i18n.Message`` naming organizations by their names: the
web stores it and writes it in each reader's language; files and the command line
write it as text in theirs.
"""

from matchfair.core import Event, Organization, RequestedMeeting, Slot, window_contains
from matchfair.i18n import Message, message, nmessage
from matchfair.scheduling.ledger import SlotLedger
from matchfair.scheduling.problem import Candidate, Placement
from matchfair.scheduling.problem_builder import BuiltProblem, mode_allows

SHOWN_TIMES = 3


def _times(slots: list[Slot]) -> str | Message:
    """A few slot times, e.g. 'day1 09:00, day1 09:20 and 4 more'."""
    labels = [f"{slot.session} {slot.start:%H:%M}" for slot in slots[:SHOWN_TIMES]]
    text = ", ".join(labels)
    if len(slots) > SHOWN_TIMES:
        return nmessage(
            "{times} and {count} more",
            "{times} and {count} more",
            len(slots) - SHOWN_TIMES,
            times=text,
        )
    return text


def _listed(parts: list[Message]) -> Message:
    """Reasons joined into one, each join a message so a language can use its own separator."""
    joined = parts[-1]
    for part in reversed(parts[:-1]):
        # Translators: joins two reasons of a list (Chinese uses a full-width semicolon).
        joined = message("{first}; {second}", first=part, second=joined)
    return joined


Directory = dict[str, Organization]
"""Organizations by id (looked up for every unscheduled meeting, so not a list scan)."""


def _languages(directory: Directory, organization_id: str) -> str:
    return "/".join(directory[organization_id].languages)


def _name(directory: Directory, organization_id: str) -> str:
    """The organization's name, as its people and the organizer know it (not its id)."""
    return directory[organization_id].name


def _never_fits(
    event: Event,
    directory: Directory,
    built: BuiltProblem,
    meeting: RequestedMeeting,
    candidate: Candidate,
) -> Message:
    """Reason for a meeting that has no possible slot at all."""
    if candidate.interpreters is not None and not candidate.interpreters:
        return message(
            "no interpreter for {first}-{second}",
            first=_languages(directory, meeting.a),
            second=_languages(directory, meeting.b),
        )
    sessions = [
        s for s in event.event.sessions if meeting.sessions is None or s.id in meeting.sessions
    ]
    if not sessions:
        return message("the request names no existing session")
    if not any(mode_allows(session.mode, candidate.online) for session in sessions):
        if candidate.online:
            return message("no allowed session can hold an online meeting")
        return message("no allowed session can hold an on-site meeting")
    first = directory[meeting.a]
    second = directory[meeting.b]
    common = [
        slot
        for slot in built.slots
        if window_contains(first.availability, slot) and window_contains(second.availability, slot)
    ]
    if not common:
        return message(
            "no common free slot: {a} and {b} are never available at the same time",
            a=first.name,
            b=second.name,
        )
    if meeting.sessions is not None:
        return message(
            "no common free slot in the allowed sessions ({sessions})",
            sessions=", ".join(sorted(meeting.sessions)),
        )
    if candidate.interpreters:
        return message(
            "no interpreter for {first}-{second} is available when both sides are",
            first=_languages(directory, meeting.a),
            second=_languages(directory, meeting.b),
        )
    return message("no common free slot")


def unscheduled_reason(
    event: Event, directory: Directory, built: BuiltProblem, ledger: SlotLedger, index: int
) -> Message:
    """Why candidate ``index`` is not in the placement booked in ``ledger``."""
    problem = built.problem
    meeting = built.meetings[index]
    candidate = problem.candidates[index]
    if not candidate.slots:
        return _never_fits(event, directory, built, meeting, candidate)
    a_booked: list[Slot] = []
    b_booked: list[Slot] = []
    full: list[Slot] = []
    no_interpreter: list[Slot] = []
    for slot_number in candidate.slots:
        slot = built.slots[slot_number]
        if ledger.party_load[candidate.a][slot_number] >= problem.capacity[candidate.a]:
            a_booked.append(slot)
        if ledger.party_load[candidate.b][slot_number] >= problem.capacity[candidate.b]:
            b_booked.append(slot)
        limit = (problem.online_capacity if candidate.online else problem.onsite_capacity)[
            slot_number
        ]
        load = (ledger.online_load if candidate.online else ledger.onsite_load)[slot_number]
        if limit is not None and load >= limit:
            full.append(slot)
        if candidate.needs_interpreter and ledger.free_interpreter(candidate, slot_number) is None:
            no_interpreter.append(slot)
    total = len(candidate.slots)
    for side, booked in ((meeting.a, a_booked), (meeting.b, b_booked)):
        if len(booked) == total:
            return nmessage(
                "{name} is fully booked in its only possible slot ({times})",
                "{name} is fully booked in all {count} possible slots ({times})",
                total,
                name=_name(directory, side),
                times=_times(booked),
            )
    parts = [
        message("{name} is booked at {times}", name=_name(directory, side), times=_times(booked))
        for side, booked in ((meeting.a, a_booked), (meeting.b, b_booked))
        if booked
    ]
    if full:
        times = _times(full)
        parts.append(
            message("all online rooms are taken at {times}", times=times)
            if candidate.online
            else message("all tables are taken at {times}", times=times)
        )
    if no_interpreter:
        parts.append(message("no interpreter is free at {times}", times=_times(no_interpreter)))
    return message("no common free slot: {details}", details=_listed(parts))


def unscheduled_reasons(
    event: Event, built: BuiltProblem, placement: Placement
) -> dict[int, Message]:
    """A reason for every candidate left out of ``placement``."""
    ledger = SlotLedger(built.problem)
    ledger.add_placement(placement)
    directory = {organization.id: organization for organization in event.organizations}
    return {
        index: unscheduled_reason(event, directory, built, ledger, index)
        for index in range(len(built.problem.candidates))
        if index not in placement
    }


def accepted_during_run() -> Message:
    """Reason for a request accepted after a run read the event: that run never saw it."""
    return message(
        "accepted after this scheduling run started; run the scheduler again to place it"
    )


STATUS_WORDS = {
    "requested": message("requested"),
    "declined": message("declined"),
    "accepted": message("accepted"),
}
"""A request's status as a reader of each language calls it, inside a reason."""


def not_accepted(status: str) -> Message:
    """Reason for a requested meeting the other side has not accepted (yet)."""
    return message(
        "request not accepted (status: {status})", status=STATUS_WORDS.get(status, status)
    )
