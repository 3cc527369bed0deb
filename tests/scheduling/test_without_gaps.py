"""Phase 2 first looks for a schedule with no break and no idle slot, which is optimal when found."""

from matchfair.scheduling.metrics import placement_gaps
from matchfair.scheduling.problem import Assignment, Candidate, Problem, SlotInfo
from matchfair.scheduling.solver import SolveOptions, _Budget, _without_gaps


def _problem(slots_of_first: tuple[int, ...], slots_of_second: tuple[int, ...]) -> Problem:
    """Party a meets b in ``slots_of_first`` and c in ``slots_of_second``, of four slots."""
    return Problem(
        parties=["a", "b", "c"],
        capacity=[1, 1, 1],
        slots=[SlotInfo(0, position) for position in range(4)],
        sessions=[range(4)],
        onsite_capacity=[None] * 4,
        online_capacity=[None] * 4,
        candidates=[
            Candidate(0, 1, 1, False, False, slots_of_first),
            Candidate(0, 2, 1, False, False, slots_of_second),
        ],
    )


def test_a_schedule_without_gaps_is_found_from_a_warm_start_with_a_break() -> None:
    problem = _problem((0, 1, 2, 3), (2, 3))
    warm_start = {0: Assignment(0), 1: Assignment(2)}
    assert placement_gaps(problem, warm_start, {0, 1, 2}) > (0, 0)

    found = _without_gaps(problem, [0, 1], {}, warm_start, SolveOptions(workers=1), _Budget(10.0))

    assert found is not None
    assert abs(found[0].slot - found[1].slot) == 1
    assert placement_gaps(problem, found, {0, 1, 2}) == (0, 0)


def test_none_when_every_schedule_has_a_gap() -> None:
    problem = _problem((0, 1), (3,))
    warm_start = {0: Assignment(0), 1: Assignment(3)}

    found = _without_gaps(problem, [0, 1], {}, warm_start, SolveOptions(workers=1), _Budget(10.0))

    assert found is None
