"""Why a meeting was not scheduled, in words an organizer can act on.

The reason is derived from the final placement: either the meeting could never fit
(no common available slot, no interpreter for the language pair, a session
restriction that no usable session meets), or every slot where it could go is taken
by something specific (one side fully booked, tables or rooms full, interpreters
busy), and the reason says which, with the times.
"""

from matchfair.core import Event, Organization, RequestedMeeting, Slot, window_contains
from matchfair.i18n import gettext as _
from matchfair.scheduling.ledger import SlotLedger
from matchfair.scheduling.problem import Candidate, Placement
from matchfair.scheduling.problem_builder import BuiltProblem, mode_allows

SHOWN_TIMES = 3


def _times(slots: list[Slot]) -> str:
    """A few slot times, e.g. 'day1 09:00, day1 09:20 and 4 more'."""
    labels = [f"{slot.session} {slot.start:%H:%M}" for slot in slots[:SHOWN_TIMES]]
    text = ", ".join(labels)
    if len(slots) > SHOWN_TIMES:
        return _("{times} and {count} more").format(times=text, count=len(slots) - SHOWN_TIMES)
    return text


def _listed(parts: list[str]) -> str:
    """Reasons joined into one, each join a message so a language can use its own separator."""
    text = parts[-1]
    for part in reversed(parts[:-1]):
        # Translators: joins two reasons of a list (Chinese uses a full-width semicolon).
        text = _("{first}; {second}").format(first=part, second=text)
    return text


Directory = dict[str, Organization]
"""Organizations by id (looked up for every unscheduled meeting, so not a list scan)."""


def _languages(directory: Directory, organization_id: str) -> str:
    return "/".join(directory[organization_id].languages)


def _never_fits(
    event: Event,
    directory: Directory,
    built: BuiltProblem,
    meeting: RequestedMeeting,
    candidate: Candidate,
) -> str:
    """Reason for a meeting that has no possible slot at all."""
    if candidate.interpreters is not None and not candidate.interpreters:
        return _("no interpreter for {first}-{second}").format(
            first=_languages(directory, meeting.a), second=_languages(directory, meeting.b)
        )
    sessions = [
        s for s in event.event.sessions if meeting.sessions is None or s.id in meeting.sessions
    ]
    if not sessions:
        return _("the request names no existing session")
    if not any(mode_allows(session.mode, candidate.online) for session in sessions):
        if candidate.online:
            return _("no allowed session can hold an online meeting")
        return _("no allowed session can hold an on-site meeting")
    first = directory[meeting.a]
    second = directory[meeting.b]
    common = [
        slot
        for slot in built.slots
        if window_contains(first.availability, slot) and window_contains(second.availability, slot)
    ]
    if not common:
        return _("no common free slot: {a} and {b} are never available at the same time").format(
            a=meeting.a, b=meeting.b
        )
    if meeting.sessions is not None:
        return _("no common free slot in the allowed sessions ({sessions})").format(
            sessions=", ".join(sorted(meeting.sessions))
        )
    if candidate.interpreters:
        return _("no interpreter for {first}-{second} is available when both sides are").format(
            first=_languages(directory, meeting.a), second=_languages(directory, meeting.b)
        )
    return _("no common free slot")


def unscheduled_reason(
    event: Event, directory: Directory, built: BuiltProblem, ledger: SlotLedger, index: int
) -> str:
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
    if len(a_booked) == total:
        return _("{id} is fully booked in all {count} possible slots ({times})").format(
            id=meeting.a, count=total, times=_times(a_booked)
        )
    if len(b_booked) == total:
        return _("{id} is fully booked in all {count} possible slots ({times})").format(
            id=meeting.b, count=total, times=_times(b_booked)
        )
    parts = []
    if a_booked:
        parts.append(_("{id} is booked at {times}").format(id=meeting.a, times=_times(a_booked)))
    if b_booked:
        parts.append(_("{id} is booked at {times}").format(id=meeting.b, times=_times(b_booked)))
    if full:
        taken = (
            _("all online rooms are taken at {times}")
            if candidate.online
            else _("all tables are taken at {times}")
        )
        parts.append(taken.format(times=_times(full)))
    if no_interpreter:
        parts.append(_("no interpreter is free at {times}").format(times=_times(no_interpreter)))
    return _("no common free slot: {details}").format(details=_listed(parts))


def unscheduled_reasons(event: Event, built: BuiltProblem, placement: Placement) -> dict[int, str]:
    """A reason for every candidate left out of ``placement``."""
    ledger = SlotLedger(built.problem)
    ledger.add_placement(placement)
    directory = {organization.id: organization for organization in event.organizations}
    return {
        index: unscheduled_reason(event, directory, built, ledger, index)
        for index in range(len(built.problem.candidates))
        if index not in placement
    }


def accepted_during_run() -> str:
    """Reason for a request accepted after a run read the event: that run never saw it."""
    return _("accepted after this scheduling run started; run the scheduler again to place it")
