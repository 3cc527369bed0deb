"""The greedy, ejection and compaction heuristics keep schedules valid and never lose ground."""

import math

from hypothesis import HealthCheck, given, settings

from matchfair.core import Event
from matchfair.scheduling import build_problem
from matchfair.scheduling.compaction import compact
from matchfair.scheduling.ejection import improve_by_ejection
from matchfair.scheduling.greedy import greedy_schedule
from matchfair.scheduling.metrics import placement_gaps
from matchfair.scheduling.solver import SolveOptions, _Budget, _minimize_gaps
from matchfair.scheduling.weight_mip import assign_interpreters
from tests.scheduling.brute_force import feasible
from tests.scheduling.events import events

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


@SETTINGS
@given(events(max_orgs=7, max_slots=4))
def test_ejection_and_compaction_stay_feasible_and_improve(event: Event) -> None:
    problem = build_problem(event).problem
    start = greedy_schedule(problem)
    assert feasible(problem, {i: a.slot for i, a in start.items()})
    ejected = improve_by_ejection(problem, start)
    assert set(start) <= set(ejected)
    assert feasible(problem, {i: a.slot for i, a in ejected.items()})
    everyone = set(range(len(problem.parties)))
    compacted = compact(problem, ejected, passes=5, deadline=math.inf)
    assert set(compacted) == set(ejected)
    assert feasible(problem, {i: a.slot for i, a in compacted.items()})
    assert placement_gaps(problem, compacted, everyone) <= placement_gaps(
        problem, ejected, everyone
    )


def test_interpreters_are_matched_not_taken_first_come() -> None:
    # Meeting 0 could use either interpreter, meeting 1 only interpreter 0.
    assert assign_interpreters({0: frozenset({0, 1}), 1: frozenset({0})}) == {0: 1, 1: 0}


def test_phase_two_adds_meetings_an_unproven_phase_one_left_out(example_event: Event) -> None:
    problem = build_problem(example_event).problem
    placeable = [i for i, candidate in enumerate(problem.candidates) if candidate.slots]
    found, proven = _minimize_gaps(
        problem, [], {}, {}, SolveOptions(workers=1), _Budget(10.0), 1.0, placeable
    )
    assert sorted(found) == placeable
    assert proven
