"""A deterministic stand-in encoder for tests: no model, no download, instant.

Like httpx's fake transport, it lets tests exercise the real engine (cache,
scoring, explanations) without a neural model. Texts sharing words (or Chinese,
Japanese and Korean characters) get similar vectors; that is all it knows, so it is
not cross-lingual. It records what it was asked to encode, so tests can see
whether the cache spared it work.
"""

import hashlib
import re
from collections.abc import Sequence

import numpy as np

from matchfair.matching.encoder import normalise_rows

_TOKENS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|\w+", re.UNICODE)


class FakeEncoder:
    """Hashed bag of words: similar wording, similar vector."""

    def __init__(self, dimension: int = 64, languages: frozenset[str] | None = None) -> None:
        self.dimension = dimension
        self._languages = languages
        self.encoded: list[str] = []

    @property
    def key(self) -> str:
        return f"fake-{self.dimension}"

    @property
    def languages(self) -> frozenset[str] | None:
        return self._languages

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded.extend(texts)
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in _TOKENS.findall(text.lower()):
                digest = hashlib.blake2b(token.encode(), digest_size=8).digest()
                bucket = int.from_bytes(digest[:4], "little") % self.dimension
                vectors[row, bucket] += 1.0 if digest[4] & 1 else -1.0
        return normalise_rows(vectors)
