"""The scheduler: warm start, exact weight, then breaks and idle slots.

Phase 0 is the compact greedy plus ejection moves. Phase 1 maximizes the weight
levels (fairness target, mandatory meetings, weight) with the exact time-indexed MIP
(HiGHS). Phase 2 keeps exactly the meetings phase 1 placed and moves them to
minimize breaks, then idle slots, with CP-SAT; fixing the set is what makes each
organization's number of meetings known, which the break-free window constraints
need to be strong.

Above ``MIP_LIMIT`` choices phase 1, and above ``FULL_MODEL_LIMIT`` choices phase 2,
work by large neighbourhood search instead (phase 2 after a compaction hill climb):
a few organizations and all their meetings are re-optimized while everything else
stays fixed, starting from the current schedule, and only improvements are kept.

Determinism: HiGHS is single-threaded; CP-SAT runs with a fixed seed and a
*deterministic* time budget, either as one worker (small models, neighbourhoods) or
with ``interleave_search``, whose portfolio is interleaved in deterministic batches
so that its result does not depend on thread timing (for a given number of
threads); neighbourhoods come from a seeded generator. The wall-clock limit is only a safety
net; on an overloaded machine it may end a run early, and only then can two runs
differ.
"""

import random
import time
from dataclasses import dataclass

from ortools.sat.python import cp_model

from matchfair.core import Progress, ProgressCallback
from matchfair.scheduling.compaction import compact
from matchfair.scheduling.cpsat_model import SchedulingModel, build_model
from matchfair.scheduling.ejection import improve_by_ejection
from matchfair.scheduling.greedy import greedy_schedule
from matchfair.scheduling.maxsat_breaks import MaxSatResult, minimize_breaks
from matchfair.scheduling.metrics import placement_gaps
from matchfair.scheduling.neighbourhoods import pick_neighbourhood
from matchfair.scheduling.objective import weight_scale, weight_value
from matchfair.scheduling.problem import Placement, Problem
from matchfair.scheduling.weight_mip import maximize_weight_mip

SINGLE_WORKER_LIMIT = 500
"""Choices up to which CP-SAT runs as one plain worker: it proves such models fastest, and
above it the interleaved portfolio is far stronger (docs/benchmarks.md, "The solver's
constants")."""

PORTFOLIO = ("no_lp", "quick_restart_no_lp")
"""The full CP-SAT subsolvers interleaved beside its LNS ones above ``SINGLE_WORKER_LIMIT``:
no LP-based one, whose first task alone ate the budget (docs/benchmarks.md)."""

PORTFOLIO_RATE = 0.65
"""Deterministic units the portfolio may spend per second of the time limit: the budget, not
the wall clock, should end phase 2 on an ordinary machine, so that a run repeats
(measurements in docs/benchmarks.md)."""

FULL_MODEL_LIMIT = 20_000
"""Slot choices (meeting, slot) above which phase 2 works by neighbourhoods."""

MIP_LIMIT = 100_000
"""Slot choices above which phase 1 works by neighbourhoods instead of one MIP."""

WEIGHT_SHARE = 0.6
"""Share of the budget large neighbourhood search spends on weight before it turns to gaps."""

FINISHING_SHARE = 0.05
"""Share of the time limit kept for naming locations, reasons and the self-check."""

FINISHING_SECONDS_PER_CANDIDATE = 0.0005
"""Finishing work per request: what a 60,000-request event measured, doubled (docs/benchmarks.md)."""

EJECTION_SHARE = 0.15
"""Most of the time limit the ejection moves of the warm start may take (large events)."""

COMPACTION_PASSES = 6
"""Hill-climbing passes over all meetings before neighbourhood search on large events."""

ZERO_GAP_SHARE = 0.15
"""Share of the deterministic budget left at phase 2 spent first on a schedule without gaps:
where one exists it is found within a few units or not at all (docs/benchmarks.md)."""

MAXSAT_LIMIT = 10_000
"""Slot choices up to which phase 2 first proves the fewest breaks by MaxSAT; above it the
encoding outgrows what one SAT solver proves in a time limit (docs/benchmarks.md)."""

MAXSAT_SHARE = 0.8
"""Share of the phase 2 budget (and wall time left) for the MaxSAT proof: CP-SAT after a
proof that ran out rarely did well in what was left (docs/benchmarks.md)."""

MAXSAT_ZERO_GAP_SHARE = 0.25
"""``ZERO_GAP_SHARE`` where MaxSAT follows the look: the look finds gap-free schedules far
sooner than the SAT search, given enough of the budget (docs/benchmarks.md)."""

PROPAGATIONS_PER_UNIT = 5_000_000
"""SAT propagations counted as one deterministic unit: about what Glucose does in a second
of one idle core (docs/benchmarks.md)."""

MIP_STEP_SECONDS = 5.0
"""Time limit of one weight neighbourhood's MIP, and what it is charged."""

STEP_SECONDS = 1.0
"""Deterministic budget of one neighbourhood."""

STEP_OVERHEAD = 1.0
"""Deterministic cost charged per neighbourhood for building its model: about what it
costs, so the number of neighbourhoods, not the wall clock, ends the gap rounds
(docs/benchmarks.md)."""


@dataclass(frozen=True, kw_only=True)
class SolveOptions:
    """``workers``: CP-SAT threads for a whole-event breaks model above
    ``SINGLE_WORKER_LIMIT`` choices (the command line always uses 2, so its results
    do not depend on the machine's cores).
    ``deterministic_limit``: most deterministic time (CP-SAT's work units, about a
    second each on an idle core) of one CP-SAT solve; small enough, it keeps the wall
    clock from ever being what stops a solve, so the result is the same on any
    machine however loaded."""

    time_limit: float = 60.0
    seed: int = 0
    workers: int = 2
    min_meetings: int = 0
    deterministic_limit: float | None = None


@dataclass(frozen=True)
class SolveResult:
    """``quality_proven_optimal``: breaks and then idle slots are both proven optimal;
    ``breaks_proven_optimal``: at least the number of breaks is."""

    placement: Placement
    weight_proven_optimal: bool
    quality_proven_optimal: bool
    breaks_proven_optimal: bool = False


class _Budget:
    """Deterministic time left, plus the wall-clock safety net."""

    def __init__(
        self,
        seconds: float,
        deadline: float | None = None,
        started: float | None = None,
        reserve: float = 0.0,
    ) -> None:
        self.total = seconds
        self.used = 0.0
        self.portfolio_used = 0.0
        self.started = time.monotonic() if started is None else started
        own = self.started + seconds - max(seconds * FINISHING_SHARE, reserve)
        self.deadline = deadline if deadline is not None else own

    @property
    def left(self) -> float:
        return max(0.0, self.total - self.used)

    def expired(self) -> bool:
        return self.left <= 0.0 or time.monotonic() >= self.deadline

    def solver(self, options: SolveOptions, share: float, choices: int) -> cp_model.CpSolver:
        """A reproducible CP-SAT solver: one plain worker up to ``SINGLE_WORKER_LIMIT``
        choices or when one thread is asked for, else the interleaved portfolio."""
        solver = cp_model.CpSolver()
        budget = self.left * share
        if choices <= SINGLE_WORKER_LIMIT or options.workers <= 1:
            solver.parameters.num_workers = 1
        else:
            solver.parameters.num_workers = options.workers
            solver.parameters.interleave_search = True
            solver.parameters.subsolvers.extend(PORTFOLIO)
            budget = min(budget, PORTFOLIO_RATE * self.total - self.portfolio_used)
        solver.parameters.random_seed = options.seed
        if options.deterministic_limit is not None:
            budget = min(budget, options.deterministic_limit)
        solver.parameters.max_deterministic_time = max(0.05, budget)
        solver.parameters.max_time_in_seconds = max(0.05, self.deadline - time.monotonic())
        return solver

    def charge(self, solver: cp_model.CpSolver) -> None:
        self.used += solver.deterministic_time
        if solver.parameters.num_workers > 1:
            self.portfolio_used += solver.deterministic_time


def _report(
    problem: Problem,
    placement: Placement,
    callback: ProgressCallback | None,
    phase: str,
    fraction: float,
) -> None:
    if callback is not None:
        value = weight_value(problem, placement, 0)
        callback(
            Progress(
                phase=phase,
                fraction=min(1.0, fraction),
                meetings=len(placement),
                weight=value.weight,
            )
        )


def _choices(problem: Problem, indices: list[int]) -> int:
    """(meeting, slot) decisions of these candidates: what sizes a model."""
    return sum(len(problem.candidates[index].slots) for index in indices)


def _solve_from(
    model: SchedulingModel,
    hint: Placement,
    problem: Problem,
    indices: list[int],
    options: SolveOptions,
    budget: _Budget,
    share: float,
) -> tuple[cp_model.CpSolver, int]:
    """Solve a phase 2 model warm-started from ``hint``, within ``share`` of the budget, charged."""
    model.hint(hint)
    solver = budget.solver(options, share, _choices(problem, indices))
    status = solver.solve(model.model)
    budget.charge(solver)
    return solver, status


def _minimize_gaps(
    problem: Problem,
    chosen: list[int],
    fixed: Placement,
    hint: Placement,
    options: SolveOptions,
    budget: _Budget,
    share: float,
    extra: list[int] | None = None,
    most_breaks: int | None = None,
) -> tuple[Placement, bool]:
    """Phase 2: the ``chosen`` meetings stay scheduled but may move; fewest breaks, then idle.

    ``extra`` meetings (left out by a phase 1 that was not proven optimal) may still
    be added; each is worth more than any amount of breaks and idle slots.
    ``most_breaks`` bounds the breaks when their optimum is already known, so that
    the search spends itself on idle slots.
    """
    extra = extra or []
    model = build_model(problem, chosen + extra, fixed, with_quality=True, forced=chosen)
    big = len(problem.slots) * len(problem.parties) + 1
    quality = model.quality
    if most_breaks is not None:
        breaks = cp_model.LinearExpr.sum(quality.breaks) + quality.constant_breaks
        model.model.add(breaks <= most_breaks)
    gaps = big * cp_model.LinearExpr.sum(quality.breaks) + cp_model.LinearExpr.sum(quality.idle)
    scale = weight_scale(problem)
    added = [
        (problem.candidates[index].weight + scale.mandatory * problem.candidates[index].mandatory)
        * var
        for index in extra
        for var in model.placed.get(index, {}).values()
    ]
    model.model.minimize(gaps - big * big * cp_model.LinearExpr.sum(added))
    solver, status = _solve_from(model, hint, problem, chosen + extra, options, budget, share)
    before = {**fixed, **hint}
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return before, False
    found = model.read(solver)
    touched = {problem.candidates[i].a for i in chosen + extra} | {
        problem.candidates[i].b for i in chosen + extra
    }
    gained = weight_value(problem, found, 0).key() > weight_value(problem, before, 0).key()
    if not gained and placement_gaps(problem, found, touched) > placement_gaps(
        problem, before, touched
    ):
        return before, False
    return found, status == cp_model.OPTIMAL


def _without_gaps(
    problem: Problem,
    chosen: list[int],
    fixed: Placement,
    hint: Placement,
    options: SolveOptions,
    budget: _Budget,
    share: float = ZERO_GAP_SHARE,
) -> Placement | None:
    """Phase 2's best case first: the same meetings with no break and no idle slot at all.

    With every row's idle count pinned to 0, the span and all-different constraints of
    the model leave each party a window of exactly as many slots as it has meetings,
    and CP-SAT solves or refutes that feasibility question far faster than it closes
    the optimization's gap; a solution is optimal for phase 2 (nothing is below 0).
    Returns None when no such schedule was found within ``share`` of the budget.
    """
    model = build_model(problem, chosen, fixed, with_quality=True, forced=chosen)
    quality = model.quality
    if quality.constant_breaks or quality.constant_idle or not quality.idle:
        return None
    model.model.add(cp_model.LinearExpr.sum(quality.idle) == 0)
    model.model.add(cp_model.LinearExpr.sum(quality.breaks) == 0)
    solver, status = _solve_from(model, hint, problem, chosen, options, budget, share)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return model.read(solver)


def _breaks_by_maxsat(
    problem: Problem, chosen: list[int], fixed: Placement, budget: _Budget
) -> MaxSatResult | None:
    """The fewest breaks by MaxSAT within ``MAXSAT_SHARE`` of the budget, charged.

    The same share of the wall time left is its safety net, so that on a slow machine
    CP-SAT still gets the rest.

    Its propagations are charged to the budget in units of ``PROPAGATIONS_PER_UNIT``,
    so that CP-SAT after it gets what is left of the same budget.
    """
    propagations = int(MAXSAT_SHARE * budget.left * PROPAGATIONS_PER_UNIT)
    now = time.monotonic()
    deadline = now + MAXSAT_SHARE * max(0.0, budget.deadline - now)
    exact = minimize_breaks(problem, chosen, fixed, propagations=propagations, deadline=deadline)
    if exact is not None:
        spent = exact.propagations / PROPAGATIONS_PER_UNIT
        budget.used += spent
        # One core's units, as wall time the two-thread portfolio would have had.
        budget.portfolio_used += spent * PORTFOLIO_RATE
    return exact


def _fewest_idle(
    problem: Problem,
    chosen: list[int],
    fixed: Placement,
    placement: Placement,
    breaks: int,
    options: SolveOptions,
    budget: _Budget,
) -> tuple[Placement, bool]:
    """Idle slots, the level after breaks, by CP-SAT with the proven fewest ``breaks`` as a bound.

    Proven at once when the idle slots are as few as the breaks (each break holds at
    least one idle slot).
    """
    _, idle = placement_gaps(problem, placement, _parties(problem, chosen))
    if idle <= breaks:
        return placement, True
    return _minimize_gaps(
        problem, chosen, fixed, placement, options, budget, 1.0, most_breaks=breaks
    )


def _parties(problem: Problem, indices: list[int]) -> set[int]:
    """The organizations taking part in these candidates."""
    return {problem.candidates[i].a for i in indices} | {problem.candidates[i].b for i in indices}


def _placeable_rest(problem: Problem, placement: Placement) -> list[int]:
    """Unscheduled candidates that have at least one possible slot."""
    return [
        index
        for index, candidate in enumerate(problem.candidates)
        if index not in placement and candidate.slots
    ]


def choice_count(problem: Problem) -> int:
    """Number of (meeting, slot) decisions: the size that decides between whole and LNS."""
    return sum(len(candidate.slots) for candidate in problem.candidates)


def breaks_method(problem: Problem, chosen: list[int]) -> str:
    """How phase 2 will place the ``chosen`` meetings, by the size of its model.

    "maxsat": the fewest breaks proven by MaxSAT, then CP-SAT for idle slots (up to
    ``MAXSAT_LIMIT`` choices); "cpsat": the whole-event CP-SAT model (up to
    ``FULL_MODEL_LIMIT``); "neighbourhoods": compaction and large neighbourhood search.
    """
    choices = _choices(problem, chosen)
    if choices <= MAXSAT_LIMIT:
        return "maxsat"
    return "cpsat" if choices <= FULL_MODEL_LIMIT else "neighbourhoods"


def finishing_reserve(problem: Problem) -> float:
    """Seconds kept back for what follows the search (tables, reasons, the self-check).

    That work grows with the number of requests (about 16 s for 60,000 on the
    benchmark machine), so a fixed share of a short time limit would not cover it.
    """
    return FINISHING_SECONDS_PER_CANDIDATE * len(problem.candidates)


def solve(
    problem: Problem,
    options: SolveOptions,
    on_progress: ProgressCallback | None = None,
    started: float | None = None,
) -> SolveResult:
    """Schedule the problem's candidates; fixed ones (``problem.fixed``) never move.

    ``started`` (a ``time.monotonic()`` reading) is when the caller's clock began, so
    that reading and indexing the event count against the time limit too.
    """
    budget = _Budget(options.time_limit, started=started, reserve=finishing_reserve(problem))
    start = improve_by_ejection(
        problem,
        greedy_schedule(problem, compact=True),
        deadline=min(budget.deadline, budget.started + EJECTION_SHARE * options.time_limit),
    )
    fixed: Placement = {index: start[index] for index in problem.fixed}
    _report(problem, start, on_progress, "greedy", 0.0)
    free = [index for index in range(len(problem.candidates)) if index not in fixed]
    rng = random.Random(options.seed)

    placement, weight_optimal = start, False
    if choice_count(problem) <= MIP_LIMIT:
        mip = maximize_weight_mip(
            problem,
            free,
            fixed,
            options.min_meetings,
            min(WEIGHT_SHARE * options.time_limit, budget.deadline - time.monotonic()),
        )
        if mip is not None and _at_least_as_good(problem, mip.placement, start, options):
            placement, weight_optimal = mip.placement, mip.proven_optimal
            if not weight_optimal:
                placement = improve_by_ejection(problem, placement, deadline=budget.deadline)
    else:
        placement = _search(
            problem,
            fixed=fixed,
            placement=placement,
            options=options,
            budget=budget,
            rng=rng,
            on_progress=on_progress,
            weight_rounds=True,
        )
    _report(problem, placement, on_progress, "weight", WEIGHT_SHARE)

    chosen = [index for index in placement if index not in fixed]
    method = breaks_method(problem, chosen)
    if method != "neighbourhoods":
        placement = compact(problem, placement, COMPACTION_PASSES, budget.deadline)
        extra = [] if weight_optimal else _placeable_rest(problem, placement)
        share = MAXSAT_ZERO_GAP_SHARE if method == "maxsat" else ZERO_GAP_SHARE
        perfect = (
            None
            if extra
            else _without_gaps(problem, chosen, fixed, placement, options, budget, share)
        )
        exact = None
        if perfect is None and not extra and method == "maxsat":
            exact = _breaks_by_maxsat(problem, chosen, fixed, budget)
        if perfect is not None:
            placement, quality_optimal, breaks_optimal = perfect, True, True
        elif exact is not None and exact.placement is not None:
            placement, quality_optimal = _fewest_idle(
                problem, chosen, fixed, exact.placement, exact.breaks, options, budget
            )
            breaks_optimal = True
        else:
            placement, quality_optimal = _minimize_gaps(
                problem, chosen, fixed, placement, options, budget, 1.0, extra
            )
            fewest = 0 if exact is None else exact.breaks
            touched = _parties(problem, chosen)
            breaks_optimal = (
                quality_optimal or placement_gaps(problem, placement, touched)[0] <= fewest
            )
    else:
        placement = compact(problem, placement, COMPACTION_PASSES, budget.deadline)
        _report(problem, placement, on_progress, "quality", WEIGHT_SHARE)
        # The gap rounds get what the weight phase leaves, counted the same way whether
        # that phase was one MIP (charged nothing, it stops on its own) or rounds.
        budget.used = max(budget.used, WEIGHT_SHARE * budget.total)
        placement = _search(
            problem,
            fixed=fixed,
            placement=placement,
            options=options,
            budget=budget,
            rng=rng,
            on_progress=on_progress,
            weight_rounds=False,
        )
        quality_optimal = breaks_optimal = False
    _report(problem, placement, on_progress, "quality", 1.0)
    return SolveResult(placement, weight_optimal, quality_optimal, breaks_optimal)


def _at_least_as_good(
    problem: Problem, found: Placement, before: Placement, options: SolveOptions
) -> bool:
    return (
        weight_value(problem, found, options.min_meetings).key()
        >= weight_value(problem, before, options.min_meetings).key()
    )


def _search(
    problem: Problem,
    *,
    fixed: Placement,
    placement: Placement,
    options: SolveOptions,
    budget: _Budget,
    rng: random.Random,
    on_progress: ProgressCallback | None,
    weight_rounds: bool,
) -> Placement:
    """Large neighbourhood search: re-optimize one neighbourhood at a time, keep improvements.

    Weight rounds run until ``WEIGHT_SHARE`` of the budget is used, gap rounds until
    all of it is.
    """
    incident = problem.candidates_of()
    limit = WEIGHT_SHARE * budget.total if weight_rounds else budget.total
    # Weight rounds also yield to gap rounds at their share of the wall time, so that a
    # slow machine still leaves time for the breaks.
    wall_limit = budget.started + (WEIGHT_SHARE if weight_rounds else 1.0) * budget.total
    while not budget.expired() and budget.used < limit and time.monotonic() < wall_limit:
        neighbourhood = pick_neighbourhood(problem, placement, incident, rng, weight_rounds)
        movable = {index for index in neighbourhood if index not in fixed}
        rest = {index: value for index, value in placement.items() if index not in movable}
        hint = {index: placement[index] for index in movable if index in placement}
        step = _Budget(min(budget.left, STEP_SECONDS), budget.deadline)
        step_options = SolveOptions(
            STEP_SECONDS,
            rng.randrange(1 << 30),
            1,
            options.min_meetings,
            options.deterministic_limit,
        )
        if weight_rounds:
            seconds = min(MIP_STEP_SECONDS, wall_limit - time.monotonic())
            mip = maximize_weight_mip(problem, sorted(movable), rest, options.min_meetings, seconds)
            if mip is not None and _at_least_as_good(problem, mip.placement, placement, options):
                placement = mip.placement
            step.used = MIP_STEP_SECONDS
        else:
            chosen = [index for index in sorted(movable) if index in placement]
            placement, _ = _minimize_gaps(problem, chosen, rest, hint, step_options, step, 1.0)
        budget.used += step.used + STEP_OVERHEAD
        phase = "weight" if weight_rounds else "quality"
        _report(problem, placement, on_progress, phase, budget.used / budget.total)
    return placement
