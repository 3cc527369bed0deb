"""The scheduler: greedy warm start, then CP-SAT in two phases, whole or by neighbourhoods.

Phase 1 maximizes the weight levels (fairness target, mandatory meetings, weight).
Phase 2 keeps exactly the meetings phase 1 placed and moves them to minimize breaks,
then idle slots. Fixing the set in phase 2 is what makes each organization's number
of meetings known, which the break-free window constraints need to be strong.

Small and medium events are solved as one model. Above ``FULL_MODEL_LIMIT`` slot
choices the same two phases run on neighbourhoods (a few organizations and all their
meetings, everything else fixed) one after another: large neighbourhood search. Each
step starts from the current schedule as a hint and only accepts improvements, so
the schedule never gets worse.

Determinism: CP-SAT runs with a fixed seed, ``interleave_search`` (deterministic for
a fixed number of workers) and a *deterministic* time budget. The wall-clock limit
is only a safety net; on an overloaded machine it may end a run early, and only then
can two runs differ.
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from matchfair.scheduling.cpsat_model import SchedulingModel, build_model
from matchfair.scheduling.greedy import greedy_schedule
from matchfair.scheduling.neighbourhoods import pick_neighbourhood
from matchfair.scheduling.objective import targets, weight_scale, weight_value
from matchfair.scheduling.problem import Placement, Problem

FULL_MODEL_LIMIT = 120_000
"""Slot choices (meeting, slot) above which the event is solved by neighbourhoods."""

WALL_CLOCK_MARGIN = 1.5
"""The wall-clock safety net, as a multiple of the deterministic budget."""


@dataclass(frozen=True)
class SolveOptions:
    time_limit: float = 60.0
    seed: int = 0
    workers: int = 2
    min_meetings: int = 0


@dataclass(frozen=True)
class Progress:
    """What the solver is doing, for a progress display."""

    phase: str
    fraction: float
    meetings: int
    weight: int
    breaks: int | None = None


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class SolveResult:
    placement: Placement
    weight_proven_optimal: bool
    quality_proven_optimal: bool


class _Budget:
    """Deterministic time left, plus the wall-clock safety net."""

    def __init__(self, seconds: float) -> None:
        self.total = seconds
        self.used = 0.0
        self.deadline = time.monotonic() + seconds * WALL_CLOCK_MARGIN

    @property
    def left(self) -> float:
        return max(0.0, self.total - self.used)

    def expired(self) -> bool:
        return self.left <= 0.0 or time.monotonic() >= self.deadline

    def solver(self, options: SolveOptions, share: float) -> cp_model.CpSolver:
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = options.workers
        solver.parameters.interleave_search = options.workers > 1
        solver.parameters.random_seed = options.seed
        solver.parameters.max_deterministic_time = max(0.05, self.left * share)
        solver.parameters.max_time_in_seconds = max(0.05, self.deadline - time.monotonic())
        return solver

    def charge(self, solver: cp_model.CpSolver) -> None:
        self.used += solver.deterministic_time


def _report(
    problem: Problem,
    placement: Placement,
    callback: ProgressCallback | None,
    phase: str,
    fraction: float,
) -> None:
    if callback is not None:
        value = weight_value(problem, placement, 0)
        callback(Progress(phase, min(1.0, fraction), len(placement), value.weight))


def _weight_objective(
    problem: Problem, model: SchedulingModel, min_meetings: int, fixed: Placement
) -> cp_model.LinearExpr:
    """Fairness units met, mandatory meetings and weight of the free part, scaled into one sum."""
    scale = weight_scale(problem)
    objective = model.weight_expression(problem, scale.mandatory)
    if min_meetings <= 0:
        return objective
    goal = targets(problem, min_meetings)
    fixed_count = [0] * len(problem.parties)
    for index in fixed:
        fixed_count[problem.candidates[index].a] += 1
        fixed_count[problem.candidates[index].b] += 1
    terms: dict[int, list[cp_model.IntVar]] = {}
    for index, by_slot in model.placed.items():
        candidate = problem.candidates[index]
        for party in (candidate.a, candidate.b):
            terms.setdefault(party, []).extend(by_slot.values())
    met_terms = []
    for party, party_terms in sorted(terms.items()):
        if goal[party] <= fixed_count[party]:
            continue
        met = model.model.new_int_var(0, goal[party] - fixed_count[party], "")
        model.model.add(met <= cp_model.LinearExpr.sum(party_terms))
        met_terms.append(met)
    return objective + scale.fairness * cp_model.LinearExpr.sum(met_terms)


def _maximize_weight(
    problem: Problem,
    free: list[int],
    fixed: Placement,
    hint: Placement,
    options: SolveOptions,
    budget: _Budget,
    share: float,
) -> tuple[Placement, bool]:
    """Phase 1 on the ``free`` candidates; returns the placement and whether it is proven optimal."""
    model = build_model(problem, free, fixed, with_quality=False)
    model.model.maximize(_weight_objective(problem, model, options.min_meetings, fixed))
    model.hint(hint)
    solver = budget.solver(options, share)
    status = solver.solve(model.model)
    budget.charge(solver)
    before = {**fixed, **hint}
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return before, False
    found = model.read(solver)
    better = (
        weight_value(problem, found, options.min_meetings).key()
        >= weight_value(problem, before, options.min_meetings).key()
    )
    return (found if better else before), status == cp_model.OPTIMAL


def _minimize_gaps(
    problem: Problem,
    chosen: list[int],
    fixed: Placement,
    hint: Placement,
    options: SolveOptions,
    budget: _Budget,
    share: float,
) -> tuple[Placement, bool]:
    """Phase 2: the ``chosen`` meetings stay scheduled but may move; fewest breaks, then idle."""
    model = build_model(problem, chosen, fixed, with_quality=True, forced=chosen)
    big = len(problem.slots) * len(problem.parties) + 1
    quality = model.quality
    model.model.minimize(
        big * cp_model.LinearExpr.sum(quality.breaks) + cp_model.LinearExpr.sum(quality.idle)
    )
    model.hint(hint)
    solver = budget.solver(options, share)
    status = solver.solve(model.model)
    budget.charge(solver)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {**fixed, **hint}, False
    return model.read(solver), status == cp_model.OPTIMAL


def choice_count(problem: Problem) -> int:
    """Number of (meeting, slot) decisions: the size that decides between whole and LNS."""
    return sum(len(candidate.slots) for candidate in problem.candidates)


def solve(
    problem: Problem, options: SolveOptions, on_progress: ProgressCallback | None = None
) -> SolveResult:
    """Schedule the problem's candidates; fixed ones (``problem.fixed``) never move."""
    budget = _Budget(options.time_limit)
    fixed: Placement = {}
    start = greedy_schedule(problem, compact=True)
    for index in problem.fixed:
        fixed[index] = start[index]
    _report(problem, start, on_progress, "greedy", 0.0)
    free = [index for index in range(len(problem.candidates)) if index not in fixed]
    if choice_count(problem) <= FULL_MODEL_LIMIT:
        placement, weight_optimal = _maximize_weight(
            problem, free, fixed, start, options, budget, 0.5
        )
        _report(problem, placement, on_progress, "weight", 0.5)
        chosen = [index for index in placement if index not in fixed]
        placement, quality_optimal = _minimize_gaps(
            problem, chosen, fixed, placement, options, budget, 1.0
        )
        _report(problem, placement, on_progress, "quality", 1.0)
        return SolveResult(placement, weight_optimal, quality_optimal)
    placement = _large_neighbourhood_search(problem, fixed, start, options, budget, on_progress)
    return SolveResult(placement, False, False)


def _large_neighbourhood_search(
    problem: Problem,
    fixed: Placement,
    start: Placement,
    options: SolveOptions,
    budget: _Budget,
    on_progress: ProgressCallback | None,
) -> Placement:
    """Improve ``start`` neighbourhood by neighbourhood until the budget is spent."""
    rng = random.Random(options.seed)
    placement = dict(start)
    incident = problem.candidates_of()
    weight_rounds = True
    while not budget.expired():
        neighbourhood = pick_neighbourhood(problem, placement, incident, rng, weight_rounds)
        movable = [index for index in neighbourhood if index not in fixed]
        rest = {index: value for index, value in placement.items() if index not in movable}
        hint = {index: placement[index] for index in movable if index in placement}
        step_options = SolveOptions(
            1e9, rng.randrange(1 << 30), options.workers, options.min_meetings
        )
        step_budget = _Budget(min(budget.left, 2.0))
        improved, _ = _maximize_weight(problem, movable, rest, hint, step_options, step_budget, 0.5)
        chosen = [index for index in improved if index in movable]
        improved, _ = _minimize_gaps(
            problem, chosen, rest, improved, step_options, step_budget, 1.0
        )
        budget.used += step_budget.used
        placement = improved
        weight_rounds = not weight_rounds
        _report(problem, placement, on_progress, "search", budget.used / budget.total)
    return placement
