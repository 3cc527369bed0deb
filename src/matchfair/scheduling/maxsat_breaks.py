"""Phase 2's first level as MaxSAT: the fewest breaks, with a proof.

The set of meetings is fixed (phase 1 chose it), so this is a satisfiability
question with a cost: one boolean per (meeting, possible slot), the capacities as
cardinality constraints, and per organization and session an *occupied* boolean per
slot with a one-way running OR from the right (``after``). A break starts at slot t
when t-1 is occupied, t is not and something comes after: the soft clause
"not (occupied[t-1] and not occupied[t] and after[t+1])" is falsified exactly there,
so the cost of a model is its number of breaks. ``after`` only needs the direction
that forces it true: a model that sets it true without cause only falsifies more
soft clauses.

This is the approach of Bofill et al. (JAIR 2022), whose MaxSAT encodings proved
every optimum of the B2B benchmark: unit propagation sees "no break here" as "these
meetings are consecutive", and core-guided search (RC2, from python-sat) raises the
lower bound one unsatisfiable core at a time until a model meets it, which is the
proof. Two implied constraints carry the counting that CDCL cannot derive itself:
an organization that holds one meeting at a time occupies exactly as many slots as
it has meetings, and per slot at most twice as many organizations are occupied as
there are tables and rooms (each meeting occupies two).

Idle slots, the next level, are left to CP-SAT (``solver.py``): core-guided search
only returns at the optimum, and on tic-13crafc it raised the idle bound by 3 of 28
in a minute, where an anytime search keeps what it finds.

Determinism: the SAT solver (Glucose 4) is deterministic, and the search gets a
budget of propagations (counted by the solver, not the clock), so the same input
gives the same answer on any machine; a wall-clock deadline is only the safety net,
as for CP-SAT, and when it is what ends the search the caller falls back to CP-SAT.
"""

import threading
import time
from dataclasses import dataclass

from pysat.card import CardEnc, EncType
from pysat.examples.rc2 import RC2
from pysat.formula import WCNF, IDPool

from matchfair.scheduling.problem import Assignment, Placement, Problem, fixed_load

Literal = int | bool
"""A SAT literal, or a constant where the fixed meetings decide the value."""

SOLVER = "g4"
"""Glucose 4: deterministic, supports assumptions, budgets and interruption."""


class _OutOfBudgetError(Exception):
    """The search used its propagation budget or reached the deadline before a proof."""


@dataclass(frozen=True)
class MaxSatResult:
    """What the search established within its budget.

    ``placement`` has the fewest breaks, ``breaks`` of them, when the search ended by
    proof; it is None when the budget ran out first, and ``breaks`` is then the lower
    bound the unsatisfiable cores found so far prove (a schedule with that many is
    optimal). ``propagations``: what the search used.
    """

    placement: Placement | None
    breaks: int
    propagations: int


def _negate(literal: Literal) -> Literal:
    return not literal if isinstance(literal, bool) else -literal


class _Encoding:
    """The hard clauses and the soft-clause material of one phase 2 problem."""

    def __init__(self) -> None:
        self.pool = IDPool()
        self.hard: list[list[int]] = []
        self.infeasible = False

    def new(self) -> int:
        return self.pool.id()

    def clause(self, *literals: Literal) -> None:
        """A hard clause, with constants folded (a clause made false is infeasibility)."""
        if any(literal is True for literal in literals):
            return
        kept = [int(literal) for literal in literals if literal is not False]
        if not kept:
            self.infeasible = True
            return
        self.hard.append(kept)

    def at_most(self, literals: list[int], bound: int) -> None:
        if bound < 0:
            self.infeasible = True
        elif len(literals) > bound:
            encoding = EncType.seqcounter if bound == 1 else EncType.kmtotalizer
            cnf = CardEnc.atmost(literals, bound, vpool=self.pool, encoding=encoding)
            self.hard.extend(cnf.clauses)

    def exactly_one(self, literals: list[int]) -> None:
        self.clause(*literals)
        self.at_most(literals, 1)

    def or_of(self, first: Literal, second: Literal) -> Literal:
        """A literal forced true when ``first`` or ``second`` is (one way only, see module doc)."""
        if first is True or second is True:
            return True
        if first is False:
            return second
        if second is False:
            return first
        result = self.new()
        self.clause(-first, result)
        self.clause(-second, result)
        return result


@dataclass
class _Model:
    """The variables of the encoding, the break soft clauses and the breaks certain anyway."""

    encoding: _Encoding
    placed: dict[int, dict[int, int]]
    helpers: dict[tuple[int, int], dict[int, int]]
    break_softs: list[list[int]]
    constant_breaks: int


def _encode(problem: Problem, chosen: list[int], fixed: Placement) -> _Model:
    """Every ``chosen`` meeting in exactly one slot around the ``fixed`` ones; break softs."""
    encoding = _Encoding()
    load = fixed_load(problem, fixed)
    party_load, onsite_load, online_load = load.party, load.onsite, load.online
    placed: dict[int, dict[int, int]] = {}
    helpers: dict[tuple[int, int], dict[int, int]] = {}
    party_terms: dict[tuple[int, int], list[int]] = {}
    kind_terms: dict[tuple[bool, int], list[int]] = {}
    interpreter_terms: dict[tuple[int, int], list[int]] = {}
    for index in sorted(set(chosen) - set(fixed)):
        candidate = problem.candidates[index]
        by_slot: dict[int, int] = {}
        for slot, people in load.open_slots(problem, candidate):
            var = encoding.new()
            by_slot[slot] = var
            if candidate.needs_interpreter:
                chosen_helpers = {person: encoding.new() for person in people}
                helpers[(index, slot)] = chosen_helpers
                encoding.clause(-var, *chosen_helpers.values())
                for person, helper in chosen_helpers.items():
                    encoding.clause(-helper, var)
                    interpreter_terms.setdefault((person, slot), []).append(helper)
                encoding.at_most(list(chosen_helpers.values()), 1)
            party_terms.setdefault((candidate.a, slot), []).append(var)
            party_terms.setdefault((candidate.b, slot), []).append(var)
            kind_terms.setdefault((candidate.online, slot), []).append(var)
        placed[index] = by_slot
        encoding.exactly_one(list(by_slot.values()))

    for (party, slot), terms in sorted(party_terms.items()):
        encoding.at_most(terms, problem.capacity[party] - party_load[party][slot])
    for (online, slot), terms in sorted(kind_terms.items()):
        limit = (problem.online_capacity if online else problem.onsite_capacity)[slot]
        if limit is not None:
            encoding.at_most(terms, limit - (online_load if online else onsite_load)[slot])
    for _, terms in sorted(interpreter_terms.items()):
        encoding.at_most(terms, 1)

    model = _Model(encoding, placed, helpers, [], 0)
    parties = {problem.candidates[index].a for index in placed} | {
        problem.candidates[index].b for index in placed
    }
    held = [0] * len(problem.parties)
    for index in set(placed) | set(fixed):
        held[problem.candidates[index].a] += 1
        held[problem.candidates[index].b] += 1
    occupancy_by_slot: dict[int, list[int]] = {}
    for party in sorted(parties):
        rows = [
            _occupancy(encoding, party, session, party_load, party_terms)
            for session in problem.sessions
        ]
        for row in rows:
            _add_softs(model, row)
        if problem.capacity[party] == 1:
            _add_count(encoding, [value for row in rows for value in row], held[party])
        for session, row in zip(problem.sessions, rows, strict=True):
            for slot, value in zip(session, row, strict=True):
                if not isinstance(value, bool):
                    occupancy_by_slot.setdefault(slot, []).append(value)
    for slot, occupied in sorted(occupancy_by_slot.items()):
        onsite, online = problem.onsite_capacity[slot], problem.online_capacity[slot]
        if onsite is not None and online is not None:
            room = onsite - onsite_load[slot] + online - online_load[slot]
            encoding.at_most(occupied, 2 * room)
    return model


def _occupancy(
    encoding: _Encoding,
    party: int,
    session: range,
    party_load: list[list[int]],
    party_terms: dict[tuple[int, int], list[int]],
) -> list[Literal]:
    """occupied[t] <=> some meeting of the party at t, exactly, per slot of the session."""
    row: list[Literal] = []
    for slot in session:
        terms = party_terms.get((party, slot), [])
        if party_load[party][slot] > 0:
            row.append(True)
        elif not terms:
            row.append(False)
        elif len(terms) == 1:
            row.append(terms[0])
        else:
            occupied = encoding.new()
            encoding.clause(-occupied, *terms)
            for term in terms:
                encoding.clause(-term, occupied)
            row.append(occupied)
    return row


def _add_softs(model: _Model, row: list[Literal]) -> None:
    """The break soft clauses of one occupancy row (breaks certain anyway counted apart)."""
    after: list[Literal] = [False] * (len(row) + 1)
    for position in range(len(row) - 1, -1, -1):
        after[position] = model.encoding.or_of(row[position], after[position + 1])
    for position in range(1, len(row) - 1):
        literals = [_negate(row[position - 1]), row[position], _negate(after[position + 1])]
        if any(literal is True for literal in literals):
            continue
        kept = [int(literal) for literal in literals if literal is not False]
        if kept:
            model.break_softs.append(kept)
        else:
            model.constant_breaks += 1


def _add_count(encoding: _Encoding, occupied: list[Literal], meetings: int) -> None:
    """Implied: a party with one meeting at a time occupies exactly ``meetings`` slots."""
    variables = [int(value) for value in occupied if not isinstance(value, bool)]
    remaining = meetings - sum(1 for value in occupied if value is True)
    if variables and 0 <= remaining <= len(variables):
        cnf = CardEnc.equals(variables, remaining, vpool=encoding.pool, encoding=EncType.seqcounter)
        encoding.hard.extend(cnf.clauses)


class _BudgetedRC2(RC2):
    """RC2 whose SAT calls share one propagation budget and a wall-clock deadline."""

    def __init__(self, formula: WCNF, *, propagations: int, deadline: float) -> None:
        super().__init__(formula, solver=SOLVER, adapt=True, exhaust=True, minz=True)
        self.limit = propagations
        self.deadline = deadline

    def used(self) -> int:
        return int(self.oracle.accum_stats()["propagations"])

    def _call_oracle(self, assumptions: list[int] = [], expect_interrupt: bool = False):  # noqa: B006 (RC2's signature, overridden as is; never mutated)
        left = self.limit - self.used()
        if left <= 0 or time.monotonic() >= self.deadline:
            raise _OutOfBudgetError
        self.oracle.prop_budget(left)
        timer = threading.Timer(max(0.0, self.deadline - time.monotonic()), self.oracle.interrupt)
        timer.start()
        try:
            answer = self.oracle.solve_limited(assumptions=assumptions, expect_interrupt=True)
        finally:
            timer.cancel()
        if self.used() >= self.limit or time.monotonic() >= self.deadline:
            raise _OutOfBudgetError
        if answer is None:
            self.oracle.clear_interrupt()
        return answer


def _read(model: _Model, assignment: list[int], fixed: Placement) -> Placement:
    true = {literal for literal in assignment if literal > 0}
    placement: Placement = dict(fixed)
    for index, by_slot in model.placed.items():
        for slot, var in by_slot.items():
            if var in true:
                interpreter = None
                for person, helper in model.helpers.get((index, slot), {}).items():
                    if helper in true:
                        interpreter = person
                placement[index] = Assignment(slot, interpreter)
    return placement


def minimize_breaks(
    problem: Problem,
    chosen: list[int],
    fixed: Placement,
    *,
    propagations: int,
    deadline: float,
) -> MaxSatResult | None:
    """The ``chosen`` meetings placed around the ``fixed`` ones with the fewest breaks.

    None when the meetings cannot all be placed. (Glucose's search did not change
    when given the warm start as its first phases, so it gets none.)
    """
    model = _encode(problem, chosen, fixed)
    if model.encoding.infeasible:
        return None
    formula = WCNF()
    formula.extend(model.encoding.hard)
    for soft in model.break_softs:
        formula.append(soft, weight=1)
    formula.nv = max(formula.nv, model.encoding.pool.top)
    solver = _BudgetedRC2(formula, propagations=propagations, deadline=deadline)
    proven = True
    try:
        found = solver.compute()
    except _OutOfBudgetError:
        found, proven = [], False
    finally:
        used = solver.used()
        solver.delete()
    if found is None:
        return None
    placement = _read(model, found, fixed) if proven else None
    return MaxSatResult(placement, solver.cost + model.constant_breaks, used)
