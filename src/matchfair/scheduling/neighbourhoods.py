"""Which meetings to re-optimize together in one step of large neighbourhood search.

A neighbourhood is a handful of organizations grown along the request graph, with
every meeting that touches one of them. Meetings between organizations of the same
neighbourhood can then be swapped around freely, which is what a chain of moves
that frees a slot for an unplaced meeting needs. Weight rounds grow from an unplaced
meeting's two sides; quality rounds from an organization that has breaks.
"""

import random
from collections import deque

from matchfair.scheduling.problem import Placement, Problem

GAP_CHOICES = 4_000
"""Slot choices per gap neighbourhood: small enough for CP-SAT to settle it in about a second."""

WEIGHT_CHOICES = 40_000
"""Slot choices per weight neighbourhood: HiGHS settles one in a few seconds."""


def _seed_parties(
    problem: Problem, placement: Placement, rng: random.Random, weight_round: bool
) -> list[int]:
    if weight_round:
        unplaced = [
            index
            for index, candidate in enumerate(problem.candidates)
            if index not in placement and candidate.slots
        ]
        if unplaced:
            candidate = problem.candidates[rng.choice(unplaced)]
            return [candidate.a, candidate.b]
    busy = sorted({problem.candidates[index].a for index in placement})
    if busy:
        return [rng.choice(busy)]
    return [rng.randrange(len(problem.parties))]


def pick_neighbourhood(
    problem: Problem,
    placement: Placement,
    incident: list[list[int]],
    rng: random.Random,
    weight_round: bool,
) -> list[int]:
    """Candidate indices of one neighbourhood (``incident``: per party, its candidates)."""
    queue = deque(_seed_parties(problem, placement, rng, weight_round))
    parties: set[int] = set(queue)
    chosen: set[int] = set()
    choices = 0
    limit = WEIGHT_CHOICES if weight_round else GAP_CHOICES
    while queue and choices < limit:
        party = queue.popleft()
        partners = []
        for index in incident[party]:
            if index not in chosen:
                chosen.add(index)
                choices += len(problem.candidates[index].slots)
            candidate = problem.candidates[index]
            partners.append(candidate.b if candidate.a == party else candidate.a)
        rng.shuffle(partners)
        for partner in partners:
            if partner not in parties:
                parties.add(partner)
                queue.append(partner)
    return sorted(chosen)
