"""Breaks model around pinned meetings: a hole between two of them is a break, not a contradiction."""

from ortools.sat.python import cp_model

from matchfair.scheduling.cpsat_model import build_model
from matchfair.scheduling.problem import Assignment, Candidate, Problem, SlotInfo


def _problem() -> Problem:
    """Party 0 meets 1 and 2 in pinned slots 0 and 2; its meeting with 3 can only go in slot 3.

    Slot 1 is then idle whatever happens: a break that no choice can remove.
    """
    return Problem(
        parties=["a", "b", "c", "d"],
        capacity=[1, 1, 1, 1],
        slots=[SlotInfo(0, position) for position in range(4)],
        sessions=[range(4)],
        onsite_capacity=[None] * 4,
        online_capacity=[None] * 4,
        candidates=[
            Candidate(0, 1, 1, False, False, (0, 1, 2, 3)),
            Candidate(0, 2, 1, False, False, (0, 1, 2, 3)),
            Candidate(0, 3, 1, False, False, (3,)),
        ],
    )


def test_breaks_model_stays_feasible_with_a_hole_between_pinned_meetings() -> None:
    problem = _problem()
    fixed = {0: Assignment(0), 1: Assignment(2)}
    model = build_model(problem, [2], fixed, with_quality=True, forced=[2])
    quality = model.quality
    model.model.minimize(
        cp_model.LinearExpr.sum(quality.breaks) + cp_model.LinearExpr.sum(quality.idle)
    )
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.solve(model.model) == cp_model.OPTIMAL
    placement = model.read(solver)
    assert placement[2].slot == 3
    breaks = quality.constant_breaks + sum(solver.value(var) for var in quality.breaks)
    assert breaks == 1
