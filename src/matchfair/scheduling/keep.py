"""``--keep``: which meetings of a published schedule stay exactly where they are.

After late changes (new registrations, new requests, a withdrawn participant) people
already hold their agendas, so a published meeting that is still valid is pinned to
its slot and never moved. One that became invalid is released and reported with why;
the solver may then place it elsewhere.
"""

from dataclasses import dataclass

from matchfair.core import Event, Schedule, ScheduledMeeting, window_contains
from matchfair.i18n import gettext as _
from matchfair.scheduling.ledger import SlotLedger
from matchfair.scheduling.problem_builder import BuiltProblem, mode_allows
from matchfair.scheduling.slot_index import SlotIndex


@dataclass(frozen=True)
class ReleasedMeeting:
    """A published meeting that could not be kept, and why."""

    a: str
    b: str
    start: str
    reason: str


@dataclass
class KeptMeetings:
    """Candidate index -> slot for kept meetings, their published locations, and the released."""

    slots: dict[int, int]
    locations: dict[int, str]
    released: list[ReleasedMeeting]


def _why_not_here(event: Event, built: BuiltProblem, index: int, slot_number: int) -> str:
    meeting = built.meetings[index]
    candidate = built.problem.candidates[index]
    slot = built.slots[slot_number]
    if meeting.sessions is not None and slot.session not in meeting.sessions:
        return _("the request now allows only sessions {sessions}").format(
            sessions=", ".join(sorted(meeting.sessions))
        )
    for side in (meeting.a, meeting.b):
        if not window_contains(event.organization(side).availability, slot):
            return _("{id} is no longer available at this time").format(id=side)
    if not mode_allows(event.session(slot.session).mode, candidate.online):
        return _("the session can no longer hold this meeting (on site or online)")
    return _("no interpreter for this language pair is available at this time")


def keep_published(event: Event, built: BuiltProblem, published: Schedule) -> KeptMeetings:
    """Split the published meetings into those pinned in place and those released."""
    index_of = {(meeting.a, meeting.b): number for number, meeting in enumerate(built.meetings)}
    slots = SlotIndex(event)
    ledger = SlotLedger(built.problem)
    kept = KeptMeetings({}, {}, [])

    def release(meeting: ScheduledMeeting, reason: str) -> None:
        kept.released.append(
            ReleasedMeeting(meeting.a, meeting.b, meeting.start.isoformat(), reason)
        )

    for meeting in published.meetings:
        pair = (min(meeting.a, meeting.b), max(meeting.a, meeting.b))
        index = index_of.get(pair)
        if index is None:
            release(meeting, _("no longer an accepted meeting request"))
            continue
        if index in kept.slots:
            release(meeting, _("the pair is already kept at another time"))
            continue
        slot_number = slots.find(meeting)
        if slot_number is None:
            release(meeting, _("its time is no longer a slot of the event"))
            continue
        candidate = built.problem.candidates[index]
        if slot_number not in candidate.slots:
            release(meeting, _why_not_here(event, built, index, slot_number))
            continue
        if not ledger.fits(candidate, slot_number):
            release(
                meeting,
                _(
                    "it clashes with other kept meetings (a side, the tables or the interpreters are taken)"
                ),
            )
            continue
        ledger.add(candidate, slot_number)
        kept.slots[index] = slot_number
        if meeting.location and meeting.online == candidate.online:
            kept.locations[index] = meeting.location
    return kept
