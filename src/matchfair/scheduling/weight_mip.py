"""Phase 1 as a mixed-integer program: the exact time-indexed model, solved by HiGHS.

Maximizing the scheduled weight is an assignment-like problem whose LP relaxation
is nearly integral, which is where a MIP solver shines: HiGHS proves the optimum of
a 600-organization, 3,000-request event in seconds, where CP-SAT on the same
booleans stalls at the greedy's value. The model is exact (interpreters get their
own variables), so its optimum is a valid schedule. The levels of the objective
(fairness target, mandatory meetings, weight) are scaled into one sum (see
:mod:`matchfair.scheduling.objective`) and solved with a zero optimality gap, so
HiGHS may not stop while a better level is possible.
"""

import itertools
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from matchfair.scheduling.objective import targets, weight_scale
from matchfair.scheduling.problem import Assignment, Placement, Problem, fixed_load


@dataclass
class _Program:
    """Columns and sparse rows ``lower <= sum(coefficient * column) <= upper``."""

    upper_bounds: list[float] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    columns: list[int] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)

    def column(self, upper: float = 1.0) -> int:
        self.upper_bounds.append(upper)
        return len(self.upper_bounds) - 1

    def row(self, terms: list[tuple[int, float]], lower: float, upper: float) -> None:
        number = len(self.lower)
        for column, value in terms:
            self.rows.append(number)
            self.columns.append(column)
            self.values.append(value)
        self.lower.append(lower)
        self.upper.append(upper)

    def constraint(self) -> LinearConstraint:
        matrix = coo_matrix(
            (self.values, (self.rows, self.columns)),
            shape=(len(self.lower), len(self.upper_bounds)),
        ).tocsr()
        return LinearConstraint(matrix, np.asarray(self.lower), np.asarray(self.upper))


@dataclass
class _Columns:
    """Where the decision columns of each candidate and interpreter choice are."""

    placed: dict[int, dict[int, int]] = field(default_factory=dict)
    eligible: dict[tuple[int, int], frozenset[int]] = field(default_factory=dict)


def _build(problem: Problem, free: list[int], fixed: Placement) -> tuple[_Program, _Columns]:
    program = _Program()
    columns = _Columns()
    load = fixed_load(problem, fixed)
    party_load, onsite_load, online_load = load.party, load.onsite, load.online

    by_party: dict[tuple[int, int], list[int]] = {}
    by_kind: dict[tuple[bool, int], list[int]] = {}
    by_interpreters: dict[int, dict[frozenset[int], list[int]]] = {}
    for index in free:
        candidate = problem.candidates[index]
        own: dict[int, int] = {}
        for slot, people in load.open_slots(problem, candidate):
            column = program.column()
            own[slot] = column
            by_party.setdefault((candidate.a, slot), []).append(column)
            by_party.setdefault((candidate.b, slot), []).append(column)
            by_kind.setdefault((candidate.online, slot), []).append(column)
            if candidate.needs_interpreter:
                group = frozenset(people)
                columns.eligible[(index, slot)] = group
                by_interpreters.setdefault(slot, {}).setdefault(group, []).append(column)
        if own:
            columns.placed[index] = own
            if len(own) > 1:
                program.row([(column, 1.0) for column in own.values()], 0.0, 1.0)
    for (party, slot), members in by_party.items():
        room = problem.capacity[party] - party_load[party][slot]
        if len(members) > room:
            program.row([(column, 1.0) for column in members], 0.0, room)
    for (online, slot), members in by_kind.items():
        limit = (problem.online_capacity if online else problem.onsite_capacity)[slot]
        if limit is None:
            continue
        room = limit - (online_load if online else onsite_load)[slot]
        if len(members) > room:
            program.row([(column, 1.0) for column in members], 0.0, room)
    for groups in by_interpreters.values():
        _add_hall_rows(program, groups)
    return program, columns


HALL_GROUP_LIMIT = 10
"""Distinct interpreter sets per slot up to which every union gets its Hall row."""


def _add_hall_rows(program: _Program, groups: dict[frozenset[int], list[int]]) -> None:
    """Interpreters for one slot, exactly, without a column per (meeting, interpreter).

    Meetings needing interpreters can all get a distinct one iff, for every set of
    them, at least as many interpreters can serve one of them (Hall's theorem); it
    suffices to check unions of whole groups of meetings with the same eligible
    interpreters. With more groups than ``HALL_GROUP_LIMIT`` only single groups and
    the pairwise unions are checked, and ``assign_interpreters`` drops what still
    cannot be served.
    """
    keys = sorted(groups, key=sorted)
    if len(keys) <= HALL_GROUP_LIMIT:
        subsets = [
            [keys[i] for i in range(len(keys)) if mask >> i & 1]
            for mask in range(1, 1 << len(keys))
        ]
    else:
        subsets = [[key] for key in keys] + [[a, b] for a, b in itertools.combinations(keys, 2)]
    for subset in subsets:
        members = [column for key in subset for column in groups[key]]
        people = frozenset().union(*subset)
        if len(members) > len(people):
            program.row([(column, 1.0) for column in members], 0.0, float(len(people)))


def _objective(
    problem: Problem, program: _Program, columns: _Columns, fixed: Placement, min_meetings: int
) -> np.ndarray:
    """The lexicographic levels as one vector: fairness units, mandatory meetings, weight."""
    scale = weight_scale(problem)
    met_columns = []
    if min_meetings > 0:
        goal = targets(problem, min_meetings)
        have = [0] * len(problem.parties)
        for index in fixed:
            have[problem.candidates[index].a] += 1
            have[problem.candidates[index].b] += 1
        party_columns: dict[int, list[int]] = {}
        for index, own in columns.placed.items():
            candidate = problem.candidates[index]
            for party in (candidate.a, candidate.b):
                party_columns.setdefault(party, []).extend(own.values())
        for party, members in sorted(party_columns.items()):
            short = goal[party] - have[party]
            if short > 0:
                met = program.column(float(short))
                program.row([(met, 1.0)] + [(column, -1.0) for column in members], -np.inf, 0.0)
                met_columns.append(met)
    objective = np.zeros(len(program.upper_bounds))
    objective[met_columns] = scale.fairness
    for index, own in columns.placed.items():
        candidate = problem.candidates[index]
        value = candidate.weight + (scale.mandatory if candidate.mandatory else 0)
        for column in own.values():
            objective[column] = value
    return objective


@dataclass(frozen=True)
class MipResult:
    placement: Placement
    proven_optimal: bool


def maximize_weight_mip(
    problem: Problem, free: list[int], fixed: Placement, min_meetings: int, time_limit: float
) -> MipResult | None:
    """The weight-optimal placement of ``free`` around ``fixed`` (None when HiGHS finds none)."""
    program, columns = _build(problem, free, fixed)
    if not columns.placed:
        return MipResult(dict(fixed), True)
    objective = _objective(problem, program, columns, fixed, min_meetings)
    width = len(program.upper_bounds)
    result = milp(
        -objective,
        constraints=program.constraint(),
        integrality=np.ones(width),
        bounds=Bounds(np.zeros(width), np.asarray(program.upper_bounds)),
        options={"time_limit": max(0.1, time_limit), "mip_rel_gap": 0.0},
    )
    if result.x is None:
        return None
    return _read(columns, result.x, fixed, result.status == 0)


def _read(columns: _Columns, solution: np.ndarray, fixed: Placement, proven: bool) -> MipResult:
    placement: Placement = dict(fixed)
    needing: dict[int, dict[int, frozenset[int]]] = {}
    for index, own in columns.placed.items():
        for slot, column in own.items():
            if solution[column] > 0.5:
                if (index, slot) in columns.eligible:
                    needing.setdefault(slot, {})[index] = columns.eligible[(index, slot)]
                else:
                    placement[index] = Assignment(slot)
    for slot, meetings in needing.items():
        for index, person in assign_interpreters(meetings).items():
            placement[index] = Assignment(slot, person)
    return MipResult(placement, proven)


def assign_interpreters(meetings: dict[int, frozenset[int]]) -> dict[int, int]:
    """A maximum matching of meetings to eligible interpreters (augmenting paths)."""
    serving: dict[int, int] = {}

    def augment(index: int, seen: set[int]) -> bool:
        for person in sorted(meetings[index]):
            if person in seen:
                continue
            seen.add(person)
            if person not in serving or augment(serving[person], seen):
                serving[person] = index
                return True
        return False

    for index in sorted(meetings):
        augment(index, set())
    return {index: person for person, index in serving.items()}
