"""Dense similarity of texts: centred by language, standardised, and averaged over encoders.

Three corrections turn raw cosines into numbers that can be compared across
languages and models:

- Every multilingual encoder puts texts of one language a little closer together
  than their meaning warrants. Subtracting each language's mean vector (over the
  event's own texts of that language) removes that shared direction, so a Chinese
  request is not drawn to every other Chinese text.
- Cosines of different models live on different scales (e5's crowd near 0.8).
  Each model's similarities become z-scores over all pairs of the corpus, computed
  exactly from the Gram matrix without forming the pairs.
- A pair is judged by the models that read both of its languages (USE knows no
  Finnish); when none does, by all of them. A routed encoder (``routing.py``) reads
  every language itself: the texts its primary cannot read are embedded by another
  model and mapped into the primary's space.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matchfair.core import ProgressCallback
from matchfair.matching.cache import EmbeddingCache, NoCache
from matchfair.matching.encoder import Encoder, covers, normalise_rows
from matchfair.matching.progress import chunked
from matchfair.matching.routing import RoutedEncoder, embed_query, routed_vectors

#: A language needs this many texts in the event for its own mean; rarer ones use
#: the mean of all texts.
MIN_TEXTS_PER_LANGUAGE = 3


@dataclass(frozen=True)
class Space:
    """One encoder's view of a corpus: centred unit vectors and their pair statistics."""

    encoder: Encoder
    vectors: np.ndarray
    covered: np.ndarray
    means: dict[str, np.ndarray]
    overall: np.ndarray
    mean: float
    deviation: float
    #: A routed encoder's map from its reader's space into its primary's, if it used one.
    mapping: np.ndarray | None = None

    def embed(self, texts: Sequence[str], languages: Sequence[str]) -> np.ndarray:
        """Raw vectors of new texts (search queries) in this space, routed by language."""
        if isinstance(self.encoder, RoutedEncoder):
            return embed_query(self.encoder, self.mapping, texts, languages)
        return self.encoder.encode(texts)

    def project(self, vectors: np.ndarray, languages: Sequence[str]) -> np.ndarray:
        """Centre new vectors (a search query) the way the corpus was centred."""
        centred = np.array(vectors, dtype=np.float32)
        for row, language in enumerate(languages):
            centred[row] -= self.means.get(language, self.overall)
        return normalise_rows(centred)

    def similarity(self, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """Standardised similarities of ``rows`` against ``columns`` (both centred)."""
        block = rows @ columns.T
        block -= self.mean
        block *= 1.0 / self.deviation
        return block


def _language_means(vectors: np.ndarray, languages: Sequence[str]) -> dict[str, np.ndarray]:
    codes = np.array(languages)
    means = {}
    for language in sorted(set(languages)):
        chosen = codes == language
        if chosen.sum() >= MIN_TEXTS_PER_LANGUAGE:
            means[language] = vectors[chosen].mean(axis=0)
    return means


def _pair_statistics(vectors: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation of ``x_i . x_j`` over all pairs i != j, exactly."""
    count = len(vectors)
    if count < 2:
        return 0.0, 1.0
    vectors = vectors.astype(np.float64)
    total = vectors.sum(axis=0)
    squares = np.einsum("ij,ij->i", vectors, vectors)
    pairs = count * (count - 1)
    mean = (total @ total - squares.sum()) / pairs
    gram = vectors.T @ vectors
    second = ((gram * gram).sum() - (squares * squares).sum()) / pairs
    deviation = float(np.sqrt(max(second - mean * mean, 0.0)))
    return float(mean), deviation if deviation > 1e-9 else 1.0


def build_space(
    encoder: Encoder,
    texts: Sequence[str],
    languages: Sequence[str],
    cache: EmbeddingCache | NoCache,
    progress: ProgressCallback | None = None,
) -> Space:
    """Embed ``texts`` (through the cache) and centre them by language."""
    mapping = None
    if isinstance(encoder, RoutedEncoder):
        raw, mapping = routed_vectors(
            encoder,
            texts,
            languages,
            cache,
            lambda model: chunked(model.encode, model.key, progress),
        )
    else:
        encode = chunked(encoder.encode, encoder.key, progress)
        raw = cache.values(encoder.key, texts, encode).astype(np.float32)
    overall = raw.mean(axis=0) if len(raw) else np.zeros(raw.shape[1], dtype=np.float32)
    means = _language_means(raw, languages)
    centred = raw.copy()
    for row, language in enumerate(languages):
        centred[row] -= means.get(language, overall)
    centred = normalise_rows(centred)
    mean, deviation = _pair_statistics(centred)
    covered = np.array([covers(encoder, language) for language in languages], dtype=bool)
    return Space(encoder, centred, covered, means, overall, mean, deviation, mapping)


def combined_similarity(
    spaces: Sequence[Space],
    rows: Sequence[np.ndarray],
    row_covered: Sequence[np.ndarray],
    columns: Sequence[np.ndarray],
    column_covered: Sequence[np.ndarray],
) -> np.ndarray:
    """The average of the spaces' z-scores, each pair judged by the models that read it.

    ``rows[m]``/``columns[m]`` are the vectors of space m; ``*_covered[m]`` say which
    of those texts space m reads.
    """
    if len(spaces) == 1:
        return spaces[0].similarity(rows[0], columns[0])
    total = np.zeros((len(rows[0]), len(columns[0])), dtype=np.float32)
    readers = np.zeros_like(total)
    plain = np.zeros_like(total)
    for space, row, row_ok, column, column_ok in zip(
        spaces, rows, row_covered, columns, column_covered, strict=True
    ):
        block = space.similarity(row, column)
        plain += block
        reads = np.outer(row_ok, column_ok).astype(np.float32)
        total += reads * block
        readers += reads
    return np.where(readers > 0, total / np.maximum(readers, 1.0), plain / len(spaces))
