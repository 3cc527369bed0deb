"""``--keep``: which meetings of a published schedule stay exactly where they are.

After late changes (new registrations, new requests, a withdrawn participant) people
already hold their agendas, so a published meeting that is still valid is pinned to
its slot and never moved. One that became invalid is released and reported with why;
the solver may then place it elsewhere.

Interpreters are people, not a count: the kept meetings of a slot are matched to the
interpreters free then (augmenting paths), each keeping its published interpreter
where it can. Taking the first free interpreter instead released valid published
meetings whenever an earlier one had taken the only interpreter of a rarer pair.
"""

from dataclasses import dataclass, replace

from matchfair.core import Event, Schedule, ScheduledMeeting, window_contains
from matchfair.i18n import gettext as _
from matchfair.scheduling.ledger import SlotLedger
from matchfair.scheduling.problem import Problem
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
    """Candidate index -> slot for kept meetings, their locations and interpreters, the released."""

    slots: dict[int, int]
    locations: dict[int, str]
    interpreters: dict[int, int]
    released: list[ReleasedMeeting]


class _Interpreting:
    """The interpreters of the kept meetings, slot by slot: a matching grown one meeting at a time."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.serving: dict[int, dict[int, int]] = {}  # slot -> interpreter -> candidate index

    def _eligible(self, index: int, slot: int) -> list[int]:
        return [
            person
            for person in self.problem.candidates[index].interpreters or ()
            if slot in self.problem.interpreter_slots[person]
        ]

    def add(self, index: int, slot: int, published: int | None) -> bool:
        """Give the meeting an interpreter at ``slot``, moving kept ones to others if need be.

        The published interpreter is taken when free, else any free one, else the
        earlier meetings of the slot are re-matched; False (nothing changed) when no
        matching serves them all.
        """
        serving = self.serving.setdefault(slot, {})
        eligible = self._eligible(index, slot)
        free = [person for person in eligible if person not in serving]
        if free:
            serving[published if published in free else free[0]] = index
            return True
        return self._augment(index, slot, serving, set())

    def _augment(self, index: int, slot: int, serving: dict[int, int], seen: set[int]) -> bool:
        for person in self._eligible(index, slot):
            if person in seen:
                continue
            seen.add(person)
            holder = serving.get(person)
            if holder is None or self._augment(holder, slot, serving, seen):
                serving[person] = index
                return True
        return False

    def assigned(self) -> dict[int, int]:
        """Candidate index -> its interpreter."""
        return {
            index: person
            for by_person in self.serving.values()
            for person, index in by_person.items()
        }


def _why_not_here(event: Event, built: BuiltProblem, index: int, slot_number: int) -> str:
    meeting = built.meetings[index]
    candidate = built.problem.candidates[index]
    slot = built.slots[slot_number]
    if meeting.sessions is not None and slot.session not in meeting.sessions:
        return _("the request now allows only sessions {sessions}").format(
            sessions=", ".join(sorted(meeting.sessions))
        )
    for side in (event.organization(meeting.a), event.organization(meeting.b)):
        if not window_contains(side.availability, slot):
            return _("{name} is no longer available at this time").format(name=side.name)
    if not mode_allows(event.session(slot.session).mode, candidate.online):
        return _("the session can no longer hold this meeting (on site or online)")
    return _("no interpreter for this language pair is available at this time")


def keep_published(event: Event, built: BuiltProblem, published: Schedule) -> KeptMeetings:
    """Split the published meetings into those pinned in place and those released."""
    index_of = {(meeting.a, meeting.b): number for number, meeting in enumerate(built.meetings)}
    slots = SlotIndex(event)
    ledger = SlotLedger(built.problem)
    interpreting = _Interpreting(built.problem)
    interpreter_of = {person.id: number for number, person in enumerate(event.interpreters)}
    kept = KeptMeetings({}, {}, {}, [])

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
        # The ledger books sides and tables; the interpreters are matched apart.
        sides_and_tables = replace(candidate, interpreters=None)
        published_interpreter = interpreter_of.get(meeting.interpreter or "")
        if not ledger.fits(sides_and_tables, slot_number) or (
            candidate.needs_interpreter
            and not interpreting.add(index, slot_number, published_interpreter)
        ):
            release(
                meeting,
                _(
                    "it clashes with other kept meetings (a side, the tables or the interpreters are taken)"
                ),
            )
            continue
        ledger.add(sides_and_tables, slot_number)
        kept.slots[index] = slot_number
        if meeting.location and meeting.online == candidate.online:
            kept.locations[index] = meeting.location
    kept.interpreters = interpreting.assigned()
    return kept
