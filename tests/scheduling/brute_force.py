"""Exhaustive search of the best weight levels on a tiny problem, the tests' ground truth."""

import itertools

from matchfair.scheduling.metrics import placement_gaps
from matchfair.scheduling.problem import Assignment, Problem


def _interpreters_suffice(problem: Problem, indices: list[int], slot: int) -> bool:
    """Whether distinct available interpreters can be given to all these meetings at ``slot``."""
    options = [
        [
            person
            for person in problem.candidates[i].interpreters or ()
            if slot in problem.interpreter_slots[person]
        ]
        for i in indices
    ]
    return any(len(set(choice)) == len(choice) for choice in itertools.product(*options))


def feasible(problem: Problem, choice: dict[int, int]) -> bool:
    """Whether candidate -> slot respects rules 4, 6 and 7 (rules 2, 3, 5 are in the slot lists)."""
    loads: dict[tuple[int, int], int] = {}
    onsite: dict[int, int] = {}
    online: dict[int, int] = {}
    interpreted: dict[int, list[int]] = {}
    for index, slot in choice.items():
        candidate = problem.candidates[index]
        for party in (candidate.a, candidate.b):
            loads[(party, slot)] = loads.get((party, slot), 0) + 1
            if loads[(party, slot)] > problem.capacity[party]:
                return False
        counter, limits = (
            (online, problem.online_capacity)
            if candidate.online
            else (onsite, problem.onsite_capacity)
        )
        counter[slot] = counter.get(slot, 0) + 1
        if limits[slot] is not None and counter[slot] > limits[slot]:
            return False
        if candidate.needs_interpreter:
            interpreted.setdefault(slot, []).append(index)
    return all(
        _interpreters_suffice(problem, indices, slot) for slot, indices in interpreted.items()
    )


def best_levels(problem: Problem) -> tuple[int, int]:
    """The best (mandatory meetings, weight) over every possible placement."""
    options = [[None, *candidate.slots] for candidate in problem.candidates]
    best = (0, 0)
    for combination in itertools.product(*options):
        choice = {index: slot for index, slot in enumerate(combination) if slot is not None}
        if not feasible(problem, choice):
            continue
        mandatory = sum(problem.candidates[i].mandatory for i in choice)
        weight = sum(problem.candidates[i].weight for i in choice)
        best = max(best, (mandatory, weight))
    return best


def best_gaps(problem: Problem, chosen: list[int]) -> tuple[int, int]:
    """The fewest (breaks, idle slots) over every feasible placement of exactly ``chosen``."""
    everyone = set(range(len(problem.parties)))
    best: tuple[int, int] | None = None
    for combination in itertools.product(*(problem.candidates[i].slots for i in chosen)):
        choice = dict(zip(chosen, combination, strict=True))
        if not feasible(problem, choice):
            continue
        placement = {index: Assignment(slot) for index, slot in choice.items()}
        gaps = placement_gaps(problem, placement, everyone)
        best = gaps if best is None else min(best, gaps)
    assert best is not None
    return best
