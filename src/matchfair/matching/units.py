"""Scores of pairs of texts: dense similarity plus the kind-and-type term.

With one encoder (the large-directory case) everything, the standardisation and
the structured term included, is folded into one augmented matrix product per
block, the only pass over the pairs that the scale target leaves room for.
"""

from collections.abc import Sequence

import numpy as np

from matchfair.matching.dense import Space, combined_similarity


class UnitScorer:
    """Scores of units against units: ``scores(rows, columns)`` for index arrays or slices."""

    def __init__(self, spaces: Sequence[Space], left: np.ndarray, right: np.ndarray) -> None:
        self.spaces = list(spaces)
        self.left = left
        self.right = right
        self._augmented: tuple[np.ndarray, np.ndarray] | None = None
        if len(self.spaces) == 1:
            space = self.spaces[0]
            scaled = space.vectors / np.float32(np.sqrt(space.deviation))
            ones = np.ones((len(scaled), 1), dtype=np.float32)
            shift = ones * np.float32(-space.mean / space.deviation)
            self._augmented = (
                np.ascontiguousarray(np.hstack([scaled, left, shift]), dtype=np.float32),
                np.ascontiguousarray(np.hstack([scaled, right, ones]), dtype=np.float32),
            )

    def scores(self, rows: slice | np.ndarray, columns: slice | np.ndarray) -> np.ndarray:
        """The pair scores of units ``rows`` against units ``columns``."""
        if self._augmented is not None:
            augmented_left, augmented_right = self._augmented
            return augmented_left[rows] @ augmented_right[columns].T
        dense = combined_similarity(
            self.spaces,
            [space.vectors[rows] for space in self.spaces],
            [space.covered[rows] for space in self.spaces],
            [space.vectors[columns] for space in self.spaces],
            [space.covered[columns] for space in self.spaces],
        )
        return dense + self.left[rows] @ self.right[columns].T
