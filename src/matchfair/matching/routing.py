"""One encoder's space, with the texts it cannot read handed to another and mapped in.

A large event is embedded with USE alone (e5 reads about 13 texts a second on two
cores, USE 300), but USE was never trained on Finnish, Swedish, Danish or
Norwegian. Encoding every text with both would cost e5's speed for all of them;
a routed encoder pays it only for the few texts the fast one cannot read, plus a
fixed sample of *anchor* texts that both encoders read. A linear map from the
reader's space into the primary's, fitted on the anchors by ridge regression,
puts a Finnish text where USE would have put the same meaning, so it is compared
with every other text of the event in one space, at USE's cost per pair.

The anchors are the event's own texts in languages the primary reads, chosen by
content hash (the same texts for the same event, whatever their order), so the map
is fitted to the event's vocabulary and its vectors come from the cache on a warm
run.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from matchfair.matching.cache import EmbeddingCache, NoCache, text_key
from matchfair.matching.encoder import Encoder, covers, normalise_rows

#: Anchor texts both encoders read: enough to fit a map of e5's 384 dimensions.
ANCHORS = 384

#: Fewer shared texts than this fit no useful map: the primary then reads everything.
MIN_ANCHORS = 32

#: Ridge penalty, relative to the mean squared norm of the anchors' reader vectors.
RIDGE = 0.1

Encode = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class RoutedEncoder:
    """``primary`` for the languages it reads, ``reader`` (mapped into its space) for the rest.

    As an ``Encoder`` it reads every language; its own ``encode`` is the primary's,
    for texts whose language is not known (``dense.build_space`` routes by language).
    """

    primary: Encoder
    reader: Encoder

    @property
    def key(self) -> str:
        return f"{self.primary.key}~{self.reader.key}"

    @property
    def languages(self) -> None:
        return None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.primary.encode(texts)


def anchor_positions(texts: Sequence[str], readable: Sequence[int]) -> list[int]:
    """Up to ``ANCHORS`` distinct texts among ``readable`` positions, chosen by content hash."""
    first: dict[str, int] = {}
    for position in readable:
        first.setdefault(texts[position], position)
    chosen = sorted(first, key=text_key)[:ANCHORS]
    return sorted(first[text] for text in chosen)


def fit_map(source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """The ridge-regression matrix ``W`` that best sends ``source`` rows to ``target`` rows."""
    source = source.astype(np.float64)
    penalty = RIDGE * float((source * source).sum(axis=1).mean())
    gram = source.T @ source + penalty * np.eye(source.shape[1])
    return np.linalg.solve(gram, source.T @ target.astype(np.float64)).astype(np.float32)


def routed_vectors(
    routed: RoutedEncoder,
    texts: Sequence[str],
    languages: Sequence[str],
    cache: EmbeddingCache | NoCache,
    wrap: Callable[[Encoder], Encode],
) -> tuple[np.ndarray, np.ndarray | None]:
    """Raw vectors of ``texts`` in the primary's space, and the map used for the others.

    ``wrap`` turns an encoder into the function that encodes a list (progress, chunks).
    The map is None when every text is read by the primary, or too few are for a map.
    """
    primary, reader = routed.primary, routed.reader
    readable = [row for row, language in enumerate(languages) if covers(primary, language)]
    unread = [row for row, language in enumerate(languages) if not covers(primary, language)]
    if not unread or len({texts[row] for row in readable}) < MIN_ANCHORS:
        return cache.values(primary.key, texts, wrap(primary)).astype(np.float32), None
    known = cache.values(primary.key, [texts[row] for row in readable], wrap(primary))
    anchors = anchor_positions(texts, readable)
    asked = [texts[row] for row in anchors] + [texts[row] for row in unread]
    read = cache.values(reader.key, asked, wrap(reader)).astype(np.float32)
    where = {row: index for index, row in enumerate(readable)}
    mapping = fit_map(read[: len(anchors)], known[[where[row] for row in anchors]])
    vectors = np.empty((len(texts), known.shape[1]), dtype=np.float32)
    vectors[readable] = known
    vectors[unread] = normalise_rows(read[len(anchors) :] @ mapping)
    return vectors, mapping


def embed_query(
    routed: RoutedEncoder,
    mapping: np.ndarray | None,
    texts: Sequence[str],
    languages: Sequence[str],
) -> np.ndarray:
    """New texts (search queries) embedded the way the corpus was: routed by language."""
    vectors = np.asarray(routed.primary.encode(texts), dtype=np.float32)
    unread = [row for row, language in enumerate(languages) if not covers(routed.primary, language)]
    if mapping is not None and unread:
        read = routed.reader.encode([texts[row] for row in unread])
        vectors[unread] = normalise_rows(np.asarray(read, dtype=np.float32) @ mapping)
    return vectors
