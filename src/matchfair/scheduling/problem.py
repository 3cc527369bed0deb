"""The scheduling problem in solver terms: integer indices instead of ids and datetimes.

Every engine (greedy, CP-SAT, bound, reasons) works on this one representation, so
the rules of the spec that decide *where* a meeting may go (availability, session
restrictions, session modes, interpreters) are applied once, when the problem is
built from an event, and never re-derived inconsistently by each engine.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SlotInfo:
    """One slot of the event: the ``position``-th slot of session number ``session``."""

    session: int
    position: int


@dataclass(frozen=True)
class Candidate:
    """An accepted meeting the scheduler may place.

    ``slots`` are the global slot indices where it can go as far as the two
    organizations, the request and the session modes are concerned. ``interpreters``
    is None when no interpreter is needed, else the interpreters who could translate
    (each still subject to their own availability).
    """

    a: int
    b: int
    weight: int
    mandatory: bool
    online: bool
    slots: tuple[int, ...]
    interpreters: tuple[int, ...] | None = None

    @property
    def needs_interpreter(self) -> bool:
        return self.interpreters is not None


@dataclass
class Problem:
    """Everything the solvers need, indexed.

    ``onsite_capacity[t]``/``online_capacity[t]`` are the meetings a slot can hold on
    site and online (None = unlimited; 0 where the session mode forbids that kind).
    ``fixed`` maps candidate index to the slot it must keep (``--keep``), and
    ``fixed_interpreters`` a fixed one needing an interpreter to the one it starts with.
    """

    parties: list[str]
    capacity: list[int]
    slots: list[SlotInfo]
    sessions: list[range]
    onsite_capacity: list[int | None]
    online_capacity: list[int | None]
    candidates: list[Candidate]
    interpreter_slots: list[frozenset[int]] = field(default_factory=list)
    fixed: dict[int, int] = field(default_factory=dict)
    fixed_interpreters: dict[int, int] = field(default_factory=dict)

    def candidates_of(self) -> list[list[int]]:
        """For each party, the indices of the candidates it takes part in."""
        result: list[list[int]] = [[] for _ in self.parties]
        for index, candidate in enumerate(self.candidates):
            result[candidate.a].append(index)
            result[candidate.b].append(index)
        return result


@dataclass(frozen=True)
class Assignment:
    """Where the solver put one candidate: a slot, and an interpreter when one is needed."""

    slot: int
    interpreter: int | None = None


Placement = dict[int, Assignment]
"""Candidate index -> its assignment; candidates absent are unscheduled."""


@dataclass(frozen=True)
class FixedLoad:
    """What meetings that stay where they are already take of each slot.

    Every model of a solve around fixed meetings (the weight MIP, the CP-SAT and MaxSAT
    breaks models) subtracts this from the capacities.
    """

    party: list[list[int]]
    """Per party and slot, its meetings there."""
    onsite: list[int]
    """Per slot, the on-site meetings (tables taken)."""
    online: list[int]
    """Per slot, the online meetings (rooms taken)."""
    interpreters: frozenset[tuple[int, int]]
    """(interpreter, slot) pairs taken."""

    def open_slots(self, problem: Problem, candidate: Candidate) -> Iterator[tuple[int, list[int]]]:
        """The slots where ``candidate`` still fits around the fixed meetings, each with the
        interpreters free there for it (empty when it needs none)."""
        for slot in candidate.slots:
            if self.party[candidate.a][slot] >= problem.capacity[candidate.a]:
                continue
            if self.party[candidate.b][slot] >= problem.capacity[candidate.b]:
                continue
            if not candidate.needs_interpreter:
                yield slot, []
                continue
            people = [
                person
                for person in candidate.interpreters or ()
                if slot in problem.interpreter_slots[person]
                and (person, slot) not in self.interpreters
            ]
            if people:
                yield slot, people


def fixed_load(problem: Problem, fixed: Placement) -> FixedLoad:
    """The slots' capacity that the ``fixed`` meetings use."""
    party = [[0] * len(problem.slots) for _ in problem.parties]
    onsite = [0] * len(problem.slots)
    online = [0] * len(problem.slots)
    for index, assignment in fixed.items():
        candidate = problem.candidates[index]
        party[candidate.a][assignment.slot] += 1
        party[candidate.b][assignment.slot] += 1
        (online if candidate.online else onsite)[assignment.slot] += 1
    interpreters = frozenset(
        (assignment.interpreter, assignment.slot)
        for assignment in fixed.values()
        if assignment.interpreter is not None
    )
    return FixedLoad(party=party, onsite=onsite, online=online, interpreters=interpreters)
