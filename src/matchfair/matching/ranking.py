"""Ranking partners: from scores of text pairs to each organization's best partners.

1. Two organizations are as close as their closest pair of texts (an organization
   with one matching opportunity among three is a good partner for it).
2. Hub correction: an organization near everyone, typically a vague profile, is
   pulled down by half the mean of its own best few scores, and so is the one it is
   compared with (cross-domain similarity local scaling). Both sides get the same
   correction, so the score of a pair is the same seen from either side.
3. Shared sectors and meeting requests are added; pairs that may not meet (self,
   the same group in a bilateral event, a declined request) are never ranked.

The organization matrix is filled block by block of organizations, so memory grows
with the square of the organizations (4 bytes a pair), never of the texts.
"""

from dataclasses import dataclass

import numpy as np

from matchfair.matching.corpus import Corpus
from matchfair.matching.structure import jaccard
from matchfair.matching.units import UnitScorer
from matchfair.matching.weights import Weights

#: Texts per block of rows: bounds the block matrix to this many rows of all texts.
BLOCK_UNITS = 1024


@dataclass(frozen=True)
class Constraints:
    """Who may be recommended to whom, and what people already said."""

    groups: np.ndarray
    across_groups: bool
    bonus: dict[tuple[int, int], float]
    excluded: frozenset[tuple[int, int]]

    def allowed(self, rows: range, count: int) -> np.ndarray:
        """Whether each organization of ``rows`` may be paired with each of ``count``."""
        allowed = np.ones((len(rows), count), dtype=bool)
        allowed[np.arange(len(rows)), np.arange(rows.start, rows.stop)] = False
        if self.across_groups:
            mine = self.groups[rows.start : rows.stop, None]
            allowed &= (mine != self.groups[None, :]) | (mine < 0)
        return allowed


def _blocks(corpus: Corpus) -> list[range]:
    """Consecutive organizations whose texts number about ``BLOCK_UNITS``."""
    blocks, first = [], 0
    count = len(corpus.organizations)
    for last in range(1, count + 1):
        end = corpus.starts[last] if last < count else len(corpus.units)
        if end - corpus.starts[first] >= BLOCK_UNITS or last == count:
            blocks.append(range(first, last))
            first = last
    return blocks


def organization_scores(corpus: Corpus, scorer: UnitScorer) -> np.ndarray:
    """The closest-text-pair score of every pair of organizations."""
    count = len(corpus.organizations)
    scores = np.empty((count, count), dtype=np.float32)
    for block in _blocks(corpus):
        if not len(block):
            continue
        first = int(corpus.starts[block.start])
        last = int(corpus.starts[block.stop]) if block.stop < count else len(corpus.units)
        units = scorer.scores(slice(first, last), slice(None))
        by_partner = np.maximum.reduceat(units, corpus.starts, axis=1)
        scores[block.start : block.stop] = np.maximum.reduceat(
            by_partner, corpus.starts[block.start : block.stop] - first, axis=0
        )
    return scores


def hub_levels(scores: np.ndarray, constraints: Constraints, neighbours: int) -> np.ndarray:
    """Each organization's mean score with its ``neighbours`` best allowed partners."""
    count = len(scores)
    levels = np.zeros(count, dtype=np.float32)
    for start in range(0, count, BLOCK_UNITS):
        rows = range(start, min(start + BLOCK_UNITS, count))
        block = np.where(constraints.allowed(rows, count), scores[start : rows.stop], -np.inf)
        k = min(neighbours, count)
        if k == 0:
            continue
        best = -np.partition(-block, k - 1, axis=1)[:, :k]
        finite = np.isfinite(best)
        sums = np.where(finite, best, 0.0).sum(axis=1)
        levels[start : rows.stop] = sums / np.maximum(finite.sum(axis=1), 1)
    return levels


def best_partners(
    scores: np.ndarray,
    sectors: np.ndarray,
    constraints: Constraints,
    weights: Weights,
    top: int,
) -> list[list[tuple[int, float]]]:
    """Each organization's ``top`` partners and combined values, best first (ties by position)."""
    count = len(scores)
    levels = hub_levels(scores, constraints, weights.hub_neighbours)
    ranked: list[list[tuple[int, float]]] = []
    for start in range(0, count, BLOCK_UNITS):
        rows = range(start, min(start + BLOCK_UNITS, count))
        block = scores[start : rows.stop] - levels[start : rows.stop, None] / 2 - levels / 2
        if weights.sectors and sectors.shape[1]:
            block += weights.sectors * jaccard(sectors[start : rows.stop], sectors)
        for (a, b), bonus in constraints.bonus.items():
            if start <= a < rows.stop:
                block[a - start, b] += bonus
        block = np.where(constraints.allowed(rows, count), block, -np.inf)
        for a, b in constraints.excluded:
            if start <= a < rows.stop:
                block[a - start, b] = -np.inf
        k = min(top, count)
        if k == 0:
            ranked.extend([] for _ in rows)
            continue
        candidates = np.argpartition(-block, k - 1, axis=1)[:, :k]
        for offset, row in enumerate(candidates):
            values = block[offset, row]
            order = np.lexsort((row, -values))
            ranked.append(
                [(int(row[i]), float(values[i])) for i in order if np.isfinite(values[i])]
            )
    return ranked
