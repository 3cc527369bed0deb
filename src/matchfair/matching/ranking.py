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
        if corpus.units_of(last - 1).stop - corpus.starts[first] >= BLOCK_UNITS or last == count:
            blocks.append(range(first, last))
            first = last
    return blocks


def organization_scores(corpus: Corpus, scorer: UnitScorer) -> np.ndarray:
    """The closest-text-pair score of every pair of organizations.

    Text-pair scores are symmetric, so only blocks on and above the diagonal are
    computed and each is written to both halves: half the work, and the same value
    from both sides exactly.
    """
    count = len(corpus.organizations)
    scores = np.empty((count, count), dtype=np.float32)
    blocks = _blocks(corpus)
    for position, rows in enumerate(blocks):
        row_units = range(corpus.units_of(rows.start).start, corpus.units_of(rows.stop - 1).stop)
        for columns in blocks[position:]:
            column_units = range(
                corpus.units_of(columns.start).start, corpus.units_of(columns.stop - 1).stop
            )
            units = scorer.scores(
                slice(row_units.start, row_units.stop),
                slice(column_units.start, column_units.stop),
            )
            by_partner = np.maximum.reduceat(
                units, corpus.starts[columns.start : columns.stop] - column_units.start, axis=1
            )
            block = np.maximum.reduceat(
                by_partner, corpus.starts[rows.start : rows.stop] - row_units.start, axis=0
            )
            scores[rows.start : rows.stop, columns.start : columns.stop] = block
            scores[columns.start : columns.stop, rows.start : rows.stop] = block.T
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
