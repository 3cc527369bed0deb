"""The one small interface every text encoder of the matching engine implements.

Scoring never needs to know which model produced a vector: it needs unit vectors
whose dot product is a similarity, a stable key under which to cache them, and the
languages the model was trained on, so that a pair of texts one model cannot read
is judged by the models that can.
"""

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalised float32 row vectors, one per text."""

    @property
    def key(self) -> str:
        """Names the model and its version; cached vectors are filed under it."""
        ...

    @property
    def languages(self) -> frozenset[str] | None:
        """ISO 639-1 codes the model reads well, or None when it reads (nearly) all."""
        ...

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` as a ``(len(texts), dim)`` float32 array of unit rows."""
        ...


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """Scale every row to unit length (zero rows stay zero) as float32."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def covers(encoder: Encoder, language: str | None) -> bool:
    """Whether ``encoder`` reads ``language`` (an undetected language counts as read)."""
    return encoder.languages is None or language is None or language in encoder.languages
