"""An upper bound on the weight any valid schedule can reach: the certificate of "how close".

The bound is the LP relaxation of the time-indexed model (solved by HiGHS through
scipy): each meeting spread fractionally over its possible slots, with every
capacity of rules 4 and 6 and, for interpreters, the number available per slot.
Every valid schedule is a feasible point of this LP, so its optimum bounds the
scheduled weight from above. For very large events the time-indexed LP is replaced
by an aggregated one (per organization: meetings at most delegates times usable
slots), which is weaker but solves in seconds.
"""

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from matchfair.scheduling.problem import Problem

TIME_INDEXED_LIMIT = 1_500_000
"""Slot choices above which the aggregated relaxation is used instead."""


@dataclass(frozen=True)
class WeightBound:
    value: float
    method: str


class _Rows:
    """Sparse constraint rows ``sum(coefficient * x) <= limit`` being collected."""

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.columns: list[int] = []
        self.limits: list[float] = []

    def add(self, columns: list[int], limit: float) -> None:
        row = len(self.limits)
        self.rows.extend([row] * len(columns))
        self.columns.extend(columns)
        self.limits.append(limit)

    def matrix(self, width: int) -> coo_matrix:
        data = np.ones(len(self.rows))
        return coo_matrix((data, (self.rows, self.columns)), shape=(len(self.limits), width))


def _solve(weights: list[float], rows: _Rows) -> float:
    if not weights:
        return 0.0
    if not rows.limits:
        return float(sum(weights))
    result = linprog(
        -np.asarray(weights, dtype=float),
        A_ub=rows.matrix(len(weights)).tocsr(),
        b_ub=np.asarray(rows.limits),
        bounds=(0.0, 1.0),
        method="highs",
    )
    if result.status != 0:
        raise RuntimeError(f"the bound LP failed: {result.message}")
    return float(-result.fun)


def _time_indexed(problem: Problem) -> float:
    weights: list[float] = []
    rows = _Rows()
    by_party: dict[tuple[int, int], list[int]] = {}
    onsite: dict[int, list[int]] = {}
    online: dict[int, list[int]] = {}
    interpreted: dict[int, list[int]] = {}
    for candidate in problem.candidates:
        columns = []
        for slot in candidate.slots:
            column = len(weights)
            weights.append(candidate.weight)
            columns.append(column)
            by_party.setdefault((candidate.a, slot), []).append(column)
            by_party.setdefault((candidate.b, slot), []).append(column)
            (online if candidate.online else onsite).setdefault(slot, []).append(column)
            if candidate.needs_interpreter:
                interpreted.setdefault(slot, []).append(column)
        if len(columns) > 1:
            rows.add(columns, 1.0)
    for (party, _slot), columns in by_party.items():
        if len(columns) > problem.capacity[party]:
            rows.add(columns, problem.capacity[party])
    for groups, limits in ((onsite, problem.onsite_capacity), (online, problem.online_capacity)):
        for slot, columns in groups.items():
            limit = limits[slot]
            if limit is not None and len(columns) > limit:
                rows.add(columns, limit)
    for slot, columns in interpreted.items():
        present = sum(1 for slots in problem.interpreter_slots if slot in slots)
        if len(columns) > present:
            rows.add(columns, present)
    return _solve(weights, rows)


def _aggregated(problem: Problem) -> float:
    weights: list[float] = []
    rows = _Rows()
    columns_of: list[list[int]] = [[] for _ in problem.parties]
    usable: list[set[int]] = [set() for _ in problem.parties]
    onsite_columns: list[int] = []
    for candidate in problem.candidates:
        if not candidate.slots:
            continue
        column = len(weights)
        weights.append(candidate.weight)
        for party in (candidate.a, candidate.b):
            columns_of[party].append(column)
            usable[party].update(candidate.slots)
        if not candidate.online:
            onsite_columns.append(column)
    for party, columns in enumerate(columns_of):
        limit = problem.capacity[party] * len(usable[party])
        if len(columns) > limit:
            rows.add(columns, limit)
    if all(limit is not None for limit in problem.onsite_capacity):
        rows.add(onsite_columns, sum(limit or 0 for limit in problem.onsite_capacity))
    return _solve(weights, rows)


def weight_bound(problem: Problem) -> WeightBound:
    """An upper bound on the scheduled weight (exact weights, so rounded down to an integer)."""
    choices = sum(len(candidate.slots) for candidate in problem.candidates)
    if choices <= TIME_INDEXED_LIMIT:
        return WeightBound(float(int(_time_indexed(problem) + 1e-6)), "time-indexed LP")
    return WeightBound(float(int(_aggregated(problem) + 1e-6)), "aggregated LP")
