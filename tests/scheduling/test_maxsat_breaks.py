"""The MaxSAT breaks model proves the fewest breaks, and the solver picks it for small events."""

import itertools
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.core import Event
from matchfair.scheduling import SolveOptions, schedule_event, schedule_quality, validate_schedule
from matchfair.scheduling.maxsat_breaks import minimize_breaks
from matchfair.scheduling.metrics import placement_gaps
from matchfair.scheduling.problem import Assignment, Candidate, Placement, Problem, SlotInfo
from matchfair.scheduling.solver import FULL_MODEL_LIMIT, MAXSAT_LIMIT, breaks_method
from tests.scheduling.brute_force import feasible
from tests.scheduling.events import events

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
PROPAGATIONS = 10**9


@st.composite
def tiny_problems(draw: st.DrawFn) -> tuple[Problem, list[int], Placement]:
    """A problem of a few parties and slots, its meetings to place, and the fixed ones."""
    lengths = draw(st.lists(st.integers(3, 4), min_size=1, max_size=2))
    sessions, slots, first = [], [], 0
    for number, length in enumerate(lengths):
        sessions.append(range(first, first + length))
        slots += [SlotInfo(number, position) for position in range(length)]
        first += length
    count = len(slots)
    parties = draw(st.integers(3, 4))
    interpreters = draw(st.integers(0, 2))
    candidates = []
    for _ in range(draw(st.integers(3, 4))):
        a, b = draw(st.lists(st.integers(0, parties - 1), min_size=2, max_size=2, unique=True))
        # Mostly one or two possible slots, so that breaks are often unavoidable.
        most = draw(st.sampled_from([1, 2, count, count]))
        allowed = draw(st.lists(st.integers(0, count - 1), min_size=1, max_size=most, unique=True))
        helpers = None
        if interpreters and draw(st.booleans()):
            helpers = tuple(
                draw(
                    st.lists(
                        st.integers(0, interpreters - 1),
                        min_size=1,
                        max_size=interpreters,
                        unique=True,
                    )
                )
            )
        online = draw(st.sampled_from([False, False, True]))
        candidates.append(Candidate(a, b, 1, False, online, tuple(sorted(allowed)), helpers))
    problem = Problem(
        parties=[f"p{n}" for n in range(parties)],
        capacity=draw(st.lists(st.integers(1, 2), min_size=parties, max_size=parties)),
        slots=slots,
        sessions=sessions,
        onsite_capacity=draw(
            st.lists(st.none() | st.integers(1, 2), min_size=count, max_size=count)
        ),
        online_capacity=draw(st.lists(st.none() | st.just(1), min_size=count, max_size=count)),
        candidates=candidates,
        interpreter_slots=[
            frozenset(
                draw(
                    st.lists(
                        st.integers(0, count - 1), min_size=count - 1, max_size=count, unique=True
                    )
                )
            )
            for _ in range(interpreters)
        ],
    )
    fixed: Placement = {}
    pinned = candidates[0].slots[0]
    if (
        draw(st.booleans())
        and not candidates[0].needs_interpreter
        and feasible(problem, {0: pinned})
    ):
        fixed[0] = Assignment(pinned)
    return problem, [n for n in range(len(candidates)) if n not in fixed], fixed


def _parties(problem: Problem, chosen: list[int]) -> set[int]:
    return {problem.candidates[i].a for i in chosen} | {problem.candidates[i].b for i in chosen}


def _fewest_breaks(problem: Problem, chosen: list[int], fixed: Placement) -> int | None:
    """The fewest breaks over every feasible placement of ``chosen`` beside ``fixed``."""
    touched = _parties(problem, chosen)
    best = None
    for combination in itertools.product(*(problem.candidates[i].slots for i in chosen)):
        choice = dict(zip(chosen, combination, strict=True))
        choice.update({index: assignment.slot for index, assignment in fixed.items()})
        if not feasible(problem, choice):
            continue
        placement = {index: Assignment(slot) for index, slot in choice.items()}
        breaks, _ = placement_gaps(problem, placement, touched)
        best = breaks if best is None else min(best, breaks)
    return best


def _is_valid(problem: Problem, placement: Placement) -> bool:
    """Feasible, and every interpreter named serves one meeting at a time where available."""
    if not feasible(problem, {index: a.slot for index, a in placement.items()}):
        return False
    serving = [(a.interpreter, a.slot) for a in placement.values() if a.interpreter is not None]
    for index, assignment in placement.items():
        candidate = problem.candidates[index]
        if candidate.needs_interpreter and (
            assignment.interpreter not in (candidate.interpreters or ())
            or assignment.slot not in problem.interpreter_slots[assignment.interpreter]
        ):
            return False
    return len(serving) == len(set(serving))


@SETTINGS
@given(tiny_problems())
def test_fewest_breaks_equal_brute_force_optimum(
    case: tuple[Problem, list[int], Placement],
) -> None:
    problem, chosen, fixed = case
    result = minimize_breaks(
        problem, chosen, fixed, propagations=PROPAGATIONS, deadline=time.monotonic() + 600
    )
    best = _fewest_breaks(problem, chosen, fixed)
    if best is None:
        assert result is None
        return
    assert result is not None
    assert result.placement is not None
    assert result.breaks == best
    assert set(result.placement) == set(chosen) | set(fixed)
    assert {index: result.placement[index] for index in fixed} == fixed
    assert _is_valid(problem, result.placement)
    assert placement_gaps(problem, result.placement, _parties(problem, chosen))[0] == best


def test_an_exhausted_budget_gives_a_lower_bound_and_no_placement() -> None:
    # Two parties meet a third in slots 0 and 2 only: one break is certain.
    problem = Problem(
        parties=["a", "b", "c"],
        capacity=[1, 1, 1],
        slots=[SlotInfo(0, position) for position in range(3)],
        sessions=[range(3)],
        onsite_capacity=[None] * 3,
        online_capacity=[None] * 3,
        candidates=[Candidate(0, 1, 1, False, False, (0,)), Candidate(0, 2, 1, False, False, (2,))],
    )
    proven = minimize_breaks(
        problem, [0, 1], {}, propagations=PROPAGATIONS, deadline=time.monotonic() + 60
    )
    starved = minimize_breaks(problem, [0, 1], {}, propagations=0, deadline=time.monotonic())

    assert proven is not None
    assert proven.placement is not None
    assert proven.breaks == 1
    assert starved is not None
    assert starved.placement is None
    assert starved.breaks <= 1


@settings(max_examples=25, deadline=None, derandomize=True)
@given(events(max_orgs=6, max_slots=4))
def test_schedules_of_small_events_are_valid_with_breaks_proven(event: Event) -> None:
    outcome = schedule_event(event, SolveOptions(time_limit=20.0, workers=1))

    assert validate_schedule(event, outcome.schedule) == []
    if outcome.weight_proven_optimal:
        assert outcome.breaks_proven_optimal
    quality = schedule_quality(event, outcome.schedule)
    assert quality.idle >= quality.breaks


def _problem_of_size(choices: int) -> Problem:
    """Pairs of fresh parties, each meeting possible in every one of 20 slots."""
    meetings = choices // 20
    return Problem(
        parties=[f"p{n}" for n in range(2 * meetings)],
        capacity=[1] * (2 * meetings),
        slots=[SlotInfo(0, position) for position in range(20)],
        sessions=[range(20)],
        onsite_capacity=[None] * 20,
        online_capacity=[None] * 20,
        candidates=[
            Candidate(2 * n, 2 * n + 1, 1, False, False, tuple(range(20))) for n in range(meetings)
        ],
    )


def test_small_events_take_maxsat_and_large_ones_keep_cpsat_and_neighbourhoods() -> None:
    for choices, method in (
        (200, "maxsat"),
        (MAXSAT_LIMIT, "maxsat"),
        (MAXSAT_LIMIT + 20, "cpsat"),
        (FULL_MODEL_LIMIT + 20, "neighbourhoods"),
    ):
        problem = _problem_of_size(choices)
        chosen = list(range(len(problem.candidates)))
        assert breaks_method(problem, chosen) == method
