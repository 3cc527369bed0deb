"""Reading an event's texts once: their languages and every encoder's vectors.

Recommendation and search start the same way; this is that common start.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from matchfair.core import Event, ProgressCallback
from matchfair.matching.cache import EmbeddingCache, NoCache
from matchfair.matching.corpus import Corpus, build_corpus
from matchfair.matching.dense import Space, build_space
from matchfair.matching.encoder import Encoder
from matchfair.matching.language import languages_of
from matchfair.matching.registry import DEFAULT_SPEC, choose_encoders


@dataclass(frozen=True)
class Analysis:
    """An event's texts with their detected languages and each encoder's view of them."""

    corpus: Corpus
    languages: list[str]
    spaces: list[Space]


def analyse(
    event: Event,
    *,
    all_profiles: bool,
    encoders: Sequence[Encoder] | None = None,
    spec: str = DEFAULT_SPEC,
    cache: EmbeddingCache | NoCache | None = None,
    progress: ProgressCallback | None = None,
) -> Analysis:
    """Detect the languages of ``event``'s texts and embed them with every encoder.

    ``encoders`` wins over ``spec``; without a ``cache`` nothing touches the disk.
    """
    corpus = build_corpus(event, all_profiles=all_profiles)
    store = cache if cache is not None else NoCache()
    # ``auto`` decides on the texts recommendation reads, so that search on the same
    # event uses the same encoders (and finds their vectors in the cache).
    size = len(build_corpus(event).units) if all_profiles else len(corpus.units)
    chosen = list(encoders) if encoders is not None else choose_encoders(spec, size)
    languages = languages_of(corpus.texts, store)
    spaces = [build_space(encoder, corpus.texts, languages, store, progress) for encoder in chosen]
    return Analysis(corpus, languages, spaces)
