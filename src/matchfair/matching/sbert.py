"""Any sentence-transformers model, for users who have a model hub or a local copy.

``sentence-transformers`` is optional: it is imported only when this encoder is
chosen, and the model is loaded the library's usual way (a hub name, a cache, or a
local folder), so an offline install works with ``HF_HUB_OFFLINE=1`` and a model
that is already on disk.
"""

from collections.abc import Sequence

import numpy as np

from matchfair.matching.encoder import normalise_rows


class SentenceTransformerEncoder:
    """A sentence-transformers model by name or path, loaded on first use."""

    def __init__(self, model: str, languages: frozenset[str] | None = None) -> None:
        self.model = model
        self._languages = languages
        self._model = None

    @property
    def key(self) -> str:
        return f"st-{self.model}"

    @property
    def languages(self) -> frozenset[str] | None:
        return self._languages

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(self.model, device="cpu")
        if not texts:
            dimension = self._model.get_sentence_embedding_dimension()
            return np.zeros((0, dimension), dtype=np.float32)
        vectors = self._model.encode(list(texts), batch_size=64, show_progress_bar=False)
        return normalise_rows(vectors)
