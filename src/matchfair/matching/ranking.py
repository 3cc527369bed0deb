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
with the square of the organizations (4 bytes a pair), never of the texts; in a
bilateral event the blocks of two organizations of the same side are skipped.
"""

import math
from dataclasses import dataclass

import numpy as np

from matchfair.matching.corpus import Corpus
from matchfair.matching.structure import jaccard
from matchfair.matching.units import UnitScorer
from matchfair.matching.weights import Weights

#: Organizations per block of rows when ranking: bounds each temporary to this many
#: rows of the organization matrix.
BLOCK_UNITS = 1024

#: Texts a side per block of text pairs in ``organization_scores``. Products of
#: 2,048 x 2,048 texts use the two cores better than of 1,024: 21 % fewer CPU-seconds
#: on the 10,000-organization benchmark (8.7 against 11.0), with the same scores.
PRODUCT_UNITS = 2048

#: Columns per chunk when bounding a row's best values from below (``top_of``).
CHUNK = 64


@dataclass(frozen=True)
class Constraints:
    """Who may be recommended to whom, and what people already said."""

    groups: np.ndarray
    across_groups: bool
    bonus: dict[tuple[int, int], float]
    excluded: frozenset[tuple[int, int]]

    def allowed(self, rows: range | np.ndarray, count: int) -> np.ndarray:
        """Whether each organization of ``rows`` may be paired with each of ``count``."""
        positions = np.asarray(rows, dtype=np.int64)
        allowed = np.ones((len(positions), count), dtype=bool)
        allowed[np.arange(len(positions)), positions] = False
        if self.across_groups:
            mine = self.groups[positions, None]
            allowed &= (mine != self.groups[None, :]) | (mine < 0)
        return allowed


def _blocks(sizes: np.ndarray) -> list[np.ndarray]:
    """Consecutive positions whose texts (``sizes`` each) add up to about ``PRODUCT_UNITS``."""
    blocks, first, total = [], 0, 0
    for position, size in enumerate(sizes):
        total += int(size)
        if total >= PRODUCT_UNITS or position == len(sizes) - 1:
            blocks.append(np.arange(first, position + 1))
            first, total = position + 1, 0
    return blocks


def _one_group(groups: np.ndarray) -> bool:
    """Whether all these organizations belong to one and the same group."""
    return bool(len(groups)) and groups[0] >= 0 and bool((groups == groups[0]).all())


def organization_scores(corpus: Corpus, scorer: UnitScorer, constraints: Constraints) -> np.ndarray:
    """The closest-text-pair score of every pair of organizations that may meet.

    Organizations are visited group by group, so that in a bilateral event the
    blocks of two organizations of one side are skipped (they may not meet; their
    entries stay -inf). Text-pair scores are symmetric, so only blocks on and above
    the diagonal are computed and each is written to both halves: the same value
    from both sides exactly, for half the work.
    """
    count = len(corpus.organizations)
    scores = np.full((count, count), -np.inf, dtype=np.float32)
    order = np.argsort(constraints.groups, kind="stable")
    ranges = [corpus.units_of(int(organization)) for organization in order]
    sizes = np.array([len(units) for units in ranges], dtype=np.int64)
    grouped = _blocks(sizes)
    blocks = [order[positions] for positions in grouped]
    texts = [
        np.concatenate([np.arange(ranges[i].start, ranges[i].stop) for i in positions])
        for positions in grouped
    ]
    starts = [np.concatenate([[0], np.cumsum(sizes[positions])[:-1]]) for positions in grouped]
    for position, rows in enumerate(blocks):
        for other in range(position, len(blocks)):
            columns = blocks[other]
            if constraints.across_groups and _one_group(
                constraints.groups[np.concatenate([rows, columns])]
            ):
                continue
            units = scorer.scores(texts[position], texts[other])
            by_partner = np.maximum.reduceat(units, starts[other], axis=1)
            block = np.maximum.reduceat(by_partner, starts[position], axis=0)
            scores[np.ix_(rows, columns)] = block
            scores[np.ix_(columns, rows)] = block.T
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


def organization_rows(corpus: Corpus, scorer: UnitScorer, rows: np.ndarray) -> np.ndarray:
    """The closest-text-pair scores of organizations ``rows`` against every organization.

    What ``organization_scores`` computes for the whole event, for a few rows: an
    edit of one organization changes its row (and, by symmetry, its column) only.
    """
    count = len(corpus.organizations)
    if not len(rows) or not len(corpus.units):
        return np.full((len(rows), count), -np.inf, dtype=np.float32)
    ranges = [corpus.units_of(int(row)) for row in rows]
    texts = np.concatenate([np.arange(r.start, r.stop) for r in ranges])
    starts = np.concatenate([[0], np.cumsum([len(r) for r in ranges])[:-1]])
    units = scorer.scores(texts, slice(None))
    by_partner = np.maximum.reduceat(units, corpus.starts, axis=1)
    return np.maximum.reduceat(by_partner, starts, axis=0).astype(np.float32)


def levels_of(scores: np.ndarray, rows: np.ndarray, constraints: Constraints, k: int) -> np.ndarray:
    """The hub levels (mean of the ``k`` best allowed scores) of rows ``rows`` of ``scores``."""
    count = scores.shape[1]
    block = np.where(constraints.allowed(rows, count), scores, -np.inf)
    k = min(k, count)
    if k == 0 or not len(block):
        return np.zeros(len(block), dtype=np.float32)
    best = -np.partition(-block, k - 1, axis=1)[:, :k]
    finite = np.isfinite(best)
    sums = np.where(finite, best, 0.0).sum(axis=1)
    return (sums / np.maximum(finite.sum(axis=1), 1)).astype(np.float32)


def combined_rows(
    scores: np.ndarray,
    rows: np.ndarray,
    levels: np.ndarray,
    sectors: np.ndarray,
    constraints: Constraints,
    weights: Weights,
) -> np.ndarray:
    """Rows ``rows`` of the combined values: hub-corrected, sectors and requests added."""
    count = scores.shape[1]
    block = scores - levels[rows, None] / 2 - levels[None, :] / 2
    if weights.sectors and sectors.shape[1]:
        block += weights.sectors * jaccard(sectors[rows], sectors)
    where = {int(row): offset for offset, row in enumerate(rows)}
    for (a, b), bonus in constraints.bonus.items():
        if a in where:
            block[where[a], b] += bonus
    block = np.where(constraints.allowed(rows, count), block, -np.inf)
    for a, b in constraints.excluded:
        if a in where:
            block[where[a], b] = -np.inf
    return block


def top_of(block: np.ndarray, top: int) -> list[list[tuple[int, float]]]:
    """Each row's ``top`` columns and values, best first (ties by position), finite only.

    Exact, without partitioning whole rows (the costliest step of ranking 10,000
    organizations): the ``top``-th largest of a row's chunk maxima (``CHUNK``
    columns each) is a lower bound of its ``top``-th largest value, since ``top``
    chunks each hold a value at least that large. Only entries at or above it can
    be among the best, a few times ``top`` per row, found in one pass and sorted.
    """
    count, columns = block.shape
    k = min(top, columns)
    if k == 0:
        return [[] for _ in block]
    starts = np.arange(0, columns, CHUNK)
    if len(starts) > k:
        maxima = np.maximum.reduceat(block, starts, axis=1)
        bound = np.partition(maxima, len(starts) - k, axis=1)[:, len(starts) - k]
    else:
        bound = np.full(count, -np.inf, dtype=block.dtype)
    rows, found = np.nonzero(block >= bound[:, None])
    values = block[rows, found]
    order = np.lexsort((found, -values, rows))
    found, values = found[order].tolist(), values[order].tolist()
    ends = np.searchsorted(rows[order], np.arange(1, count + 1)).tolist()
    ranked, first = [], 0
    for end in ends:
        stop = min(end, first + k)
        best = zip(found[first:stop], values[first:stop], strict=True)
        ranked.append([(column, value) for column, value in best if math.isfinite(value)])
        first = end
    return ranked


def best_partners(
    scores: np.ndarray,
    sectors: np.ndarray,
    constraints: Constraints,
    weights: Weights,
    top: int,
    levels: np.ndarray | None = None,
) -> list[list[tuple[int, float]]]:
    """Each organization's ``top`` partners and combined values, best first (ties by position).

    ``levels`` are the hub levels when the caller has computed them already.
    """
    count = len(scores)
    if levels is None:
        levels = hub_levels(scores, constraints, weights.hub_neighbours)
    ranked: list[list[tuple[int, float]]] = []
    for start in range(0, count, BLOCK_UNITS):
        rows = np.arange(start, min(start + BLOCK_UNITS, count))
        block = combined_rows(scores[rows], rows, levels, sectors, constraints, weights)
        ranked.extend(top_of(block, top))
    return ranked
