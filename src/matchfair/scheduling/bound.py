"""An upper bound on the weight any valid schedule can reach: the certificate of "how close".

The bound is the LP relaxation of the time-indexed model (solved by HiGHS through
scipy): each meeting spread fractionally over its possible slots, with every
capacity of rules 4 and 6 and, for interpreters, the number available per slot.
Every valid schedule is a feasible point of this LP, so its optimum bounds the
scheduled weight from above. Large LPs are not solved exactly but certified from
approximate duals (:mod:`matchfair.scheduling.dual_bound`), and for very large
events the time-indexed LP is replaced by an aggregated one (per organization:
meetings at most delegates times usable slots), which is weaker but solves in seconds.
"""

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from matchfair.scheduling.dual_bound import certified_lp_bound
from matchfair.scheduling.problem import Problem

SIMPLEX_LIMIT = 400_000
"""Slot choices up to which HiGHS solves the LP exactly; above, PDLP's duals certify it."""

TIME_INDEXED_LIMIT = 5_000_000
"""Slot choices above which the aggregated relaxation is used instead (memory)."""


@dataclass(frozen=True)
class WeightBound:
    value: float
    method: str


class _Rows:
    """Sparse constraint rows ``sum(coefficient * x) <= limit`` being collected."""

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.columns: list[int] = []
        self.values: list[float] = []
        self.limits: list[float] = []

    def add(self, columns: list[int], limit: float, coefficient: float = 1.0) -> None:
        row = len(self.limits)
        self.rows.extend([row] * len(columns))
        self.columns.extend(columns)
        self.values.extend([coefficient] * len(columns))
        self.limits.append(limit)

    def matrix(self, width: int) -> coo_matrix:
        shape = (len(self.limits), width)
        return coo_matrix((self.values, (self.rows, self.columns)), shape=shape)


def _solve(weights: list[float], rows: _Rows) -> float:
    if not weights:
        return 0.0
    if not rows.limits:
        return float(sum(weights))
    if len(weights) > SIMPLEX_LIMIT:
        return certified_lp_bound(
            np.asarray(weights, dtype=float),
            rows.matrix(len(weights)).tocsr(),
            np.asarray(rows.limits, dtype=float),
        )
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


def _time_indexed(problem: Problem, mandatory_at_least: int) -> float:
    weights: list[float] = []
    rows = _Rows()
    mandatory: list[int] = []
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
            if candidate.mandatory:
                mandatory.append(column)
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
    if mandatory_at_least > 0:
        rows.add(mandatory, -mandatory_at_least, coefficient=-1.0)
    return _solve(weights, rows)


def _aggregated(problem: Problem, mandatory_at_least: int) -> float:
    weights: list[float] = []
    rows = _Rows()
    mandatory: list[int] = []
    columns_of: list[list[int]] = [[] for _ in problem.parties]
    usable: list[set[int]] = [set() for _ in problem.parties]
    onsite_columns: list[int] = []
    for candidate in problem.candidates:
        if not candidate.slots:
            continue
        column = len(weights)
        weights.append(candidate.weight)
        if candidate.mandatory:
            mandatory.append(column)
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
    if mandatory_at_least > 0:
        rows.add(mandatory, -mandatory_at_least, coefficient=-1.0)
    return _solve(weights, rows)


def weight_bound(problem: Problem, mandatory_at_least: int = 0) -> WeightBound:
    """An upper bound on the weight of any valid schedule with at least that many mandatory
    meetings (weights are integers, so the LP value is rounded down).

    Mandatory meetings come first in the quality order, so a schedule that places
    every mandatory meeting it can is compared with the best weight possible under
    that same condition, not with schedules that sacrifice mandatory meetings.
    """
    choices = sum(len(candidate.slots) for candidate in problem.candidates)
    if choices <= TIME_INDEXED_LIMIT:
        value = _time_indexed(problem, mandatory_at_least)
        return WeightBound(float(int(value + 1e-6)), "time-indexed LP")
    value = _aggregated(problem, mandatory_at_least)
    return WeightBound(float(int(value + 1e-6)), "aggregated LP")
