"""The lexicographic objective as integer coefficients CP-SAT can optimize in one go.

Order of importance: the fairness target (``--min-meetings``) when set, mandatory
meetings, total weight, then fewer breaks, then fewer idle slots. Each level is
scaled above the largest value everything below it can reach, so one weighted sum
optimizes the levels strictly in order.
"""

from dataclasses import dataclass

from matchfair.scheduling.problem import Placement, Problem


@dataclass(frozen=True)
class WeightScale:
    """Coefficients for the weight levels: value = fairness * met + mandatory * m + weight."""

    mandatory: int
    fairness: int


def weight_scale(problem: Problem) -> WeightScale:
    total = sum(candidate.weight for candidate in problem.candidates)
    mandatory = total + 1
    mandatory_count = sum(candidate.mandatory for candidate in problem.candidates)
    return WeightScale(mandatory=mandatory, fairness=mandatory * (mandatory_count + 1) + total + 1)


def targets(problem: Problem, min_meetings: int) -> list[int]:
    """Per party, the fairness target: ``min_meetings`` for those with that many accepted
    requests, 0 for the others (they cannot reach it, and chasing it would cost the rest)."""
    counts = [0] * len(problem.parties)
    for candidate in problem.candidates:
        counts[candidate.a] += 1
        counts[candidate.b] += 1
    return [min_meetings if count >= min_meetings else 0 for count in counts]


@dataclass(frozen=True)
class WeightValue:
    """How a placement scores on the weight levels (compared lexicographically)."""

    fairness_met: int
    mandatory: int
    weight: int

    def key(self) -> tuple[int, int, int]:
        return (self.fairness_met, self.mandatory, self.weight)


def weight_value(problem: Problem, placement: Placement, min_meetings: int) -> WeightValue:
    """Fairness units met (meetings up to each party's target), mandatory count and weight."""
    goal = targets(problem, min_meetings)
    counts = [0] * len(problem.parties)
    mandatory = weight = 0
    for index in placement:
        candidate = problem.candidates[index]
        counts[candidate.a] += 1
        counts[candidate.b] += 1
        mandatory += candidate.mandatory
        weight += candidate.weight
    met = sum(min(count, target) for count, target in zip(counts, goal, strict=True))
    return WeightValue(met, mandatory, weight)
