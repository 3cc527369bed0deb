"""Search: the opportunities and organizations that best match a query in any language.

A query is a few words typed in a hurry, often in a language one encoder cannot
read, so four witnesses score every text of the event, each standardised over the
event's texts for this query (``standardised``) and added with the weights of
``Weights``:

1. The dense similarity of the query to the text (title and description), exactly
   as recommendations compare texts: centred by language, judged by the encoders
   that read both languages (``dense.py``).
2. The same similarity to the title alone (an organization's name for its
   profile): a short query sits closer to a short title than to a paragraph that
   also speaks of other things.
3. The organization's sector labels, the event's own vocabulary of what it is
   about: a query close to ``hydrogen`` finds every organization filed there,
   whatever language its texts are in.
4. BM25 over word pieces (``lexical.py``): compounds, acronyms, product names and
   cognates that the encoders blur.

An organization scores as its best-matching text. With the weights of 2 to 4 set
to 0 the ranking is the dense similarity alone, the method before issue #19
(``bench/matching_quality.py`` measures both in one run). ``SearchIndex.witnesses``
gives the four witnesses apart, so that weights can be chosen by cross-validation
(``bench/search_weights_cv.py``) without embedding a query once per weight tried.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from matchfair.core import Event, ProgressCallback
from matchfair.matching.analysis import Analysis, analyse
from matchfair.matching.cache import EmbeddingCache, NoCache
from matchfair.matching.dense import Space, build_space, combined_similarity
from matchfair.matching.e5 import E5Encoder
from matchfair.matching.encoder import Encoder, covers
from matchfair.matching.language import detect
from matchfair.matching.lexical import LexicalIndex, relative
from matchfair.matching.registry import DEFAULT_SPEC
from matchfair.matching.structure import sector_sets
from matchfair.matching.weights import Weights


@dataclass(frozen=True)
class SearchHit:
    """One result: an opportunity or an organization, with its score in [0, 1]."""

    kind: Literal["opportunity", "organization"]
    id: str
    title: str
    organization: str
    language: str
    score: float


@dataclass(frozen=True)
class SearchResults:
    """The best opportunities and the best organizations for one query."""

    query_language: str
    opportunities: list[SearchHit]
    organizations: list[SearchHit]


@dataclass(frozen=True)
class Sectors:
    """The event's sector labels, each reader's vectors of them, and who is filed where."""

    labels: list[str]
    #: The index's encoders, and e5 where none of them reads every language.
    readers: list[Encoder]
    vectors: list[np.ndarray]
    #: One row per organization, one 0/1 column per label.
    membership: np.ndarray


@dataclass(frozen=True)
class Facets:
    """What search reads beside the texts: titles, sector labels and word pieces."""

    titles: list[Space]
    sectors: Sectors
    lexical: LexicalIndex


@dataclass(frozen=True)
class Witnesses:
    """Each witness's score of every text of the index for one query, before weighting."""

    language: str
    #: The dense similarity to the whole text, as z-scores over the event's texts.
    text: np.ndarray
    #: The dense similarity to the title alone, as z-scores.
    title: np.ndarray
    #: The closeness through the organization's sector labels (averaged z-scores).
    sectors: np.ndarray
    #: BM25 over word pieces as a share of the best match, in [0, 1].
    lexical: np.ndarray

    def combined(self, weights: Weights) -> np.ndarray:
        """The score of every text under ``weights`` (the text's own witness weighs 1)."""
        return (
            self.text
            + weights.search_titles * self.title
            + weights.search_sectors * self.sectors
            + weights.search_lexical * self.lexical
        )


def standardised(values: np.ndarray) -> np.ndarray:
    """``values`` as z-scores over the event's texts (all 0 when they do not vary)."""
    values = np.asarray(values, dtype=np.float32)
    if not len(values):
        return values
    deviation = float(values.std())
    if deviation <= 1e-9:
        return np.zeros_like(values)
    return (values - values.mean()) / np.float32(deviation)


def build_facets(
    event: Event,
    analysis: Analysis,
    cache: EmbeddingCache | NoCache,
    progress: ProgressCallback | None = None,
) -> Facets:
    """Embed the titles and sector labels with the analysis's encoders; index the word pieces."""
    corpus = analysis.corpus
    titles = [unit.title or corpus.organizations[unit.organization].name for unit in corpus.units]
    title_spaces = [
        build_space(space.encoder, titles, analysis.languages, cache, progress)
        for space in analysis.spaces
    ]
    filed = sector_sets(event)
    labels = sorted(set().union(*filed)) if filed else []
    column = {label: index for index, label in enumerate(labels)}
    membership = np.zeros((len(filed), len(labels)), dtype=bool)
    for row, labels_of_row in enumerate(filed):
        for label in labels_of_row:
            membership[row, column[label]] = True
    readers = [space.encoder for space in analysis.spaces]
    if all(reader.languages is not None for reader in readers):
        # USE alone (a large event) reads no Nordic language; the labels are a few
        # dozen words, so e5 reads them at no cost and a Finnish query still meets them.
        readers.append(E5Encoder())
    vectors = [cache.values(reader.key, labels, reader.encode) for reader in readers]
    return Facets(
        title_spaces, Sectors(labels, readers, vectors, membership), LexicalIndex(corpus.texts)
    )


class SearchIndex:
    """An event's texts, embedded once, ready for any number of queries."""

    def __init__(self, analysis: Analysis, facets: Facets, weights: Weights | None = None) -> None:
        self.analysis = analysis
        self.facets = facets
        self.weights = weights or Weights()

    @classmethod
    def build(
        cls,
        event: Event,
        *,
        encoders: Sequence[Encoder] | None = None,
        spec: str = DEFAULT_SPEC,
        cache: EmbeddingCache | NoCache | None = None,
        weights: Weights | None = None,
        progress: ProgressCallback | None = None,
    ) -> "SearchIndex":
        """Embed ``event``'s opportunities, profiles, titles and sectors (through the cache)."""
        store = cache if cache is not None else NoCache()
        analysis = analyse(
            event,
            all_profiles=True,
            encoders=encoders,
            spec=spec,
            cache=store,
            progress=progress,
        )
        return cls(analysis, build_facets(event, analysis, store, progress), weights)

    def _dense(
        self, spaces: Sequence[Space], queries: Sequence[np.ndarray], language: str
    ) -> np.ndarray:
        rows = [
            space.project(query, [language]) for space, query in zip(spaces, queries, strict=True)
        ]
        row_covered = [np.array([covers(space.encoder, language)]) for space in spaces]
        return combined_similarity(
            spaces,
            rows,
            row_covered,
            [space.vectors for space in spaces],
            [space.covered for space in spaces],
        )[0]

    def _sectors(self, query: str, language: str, queries: Sequence[np.ndarray]) -> np.ndarray:
        """Each text's closeness to the query through its organization's sector labels.

        Judged by the readers of the query's language (all of them when none reads it).
        """
        sectors = self.facets.sectors
        owners = np.array(
            [unit.organization for unit in self.analysis.corpus.units], dtype=np.int64
        )
        total = np.zeros(len(owners), dtype=np.float32)
        if not sectors.labels or not len(owners):
            return total
        filed = sectors.membership.any(axis=1)
        embedded = list(queries) + [
            reader.encode([query]) for reader in sectors.readers[len(queries) :]
        ]
        readers = [
            position for position, reader in enumerate(sectors.readers) if covers(reader, language)
        ] or list(range(len(sectors.readers)))
        for position in readers:
            vectors = np.asarray(sectors.vectors[position], dtype=np.float32)
            closeness = (vectors @ embedded[position][0]).astype(np.float32)
            best = np.where(sectors.membership, closeness[None, :], -np.inf).max(axis=1)
            # An organization filed nowhere is neither helped nor hurt: the average label.
            best = np.where(filed, best, closeness.mean()).astype(np.float32)
            total += standardised(best[owners])
        return total / len(readers)

    def witnesses(self, query: str) -> Witnesses:
        """The query's detected language and every witness's score of every text."""
        language = str(detect([query], among=self.analysis.languages)[0])
        spaces = self.analysis.spaces
        queries = [space.embed([query], [language]) for space in spaces]
        return Witnesses(
            language=language,
            text=standardised(self._dense(spaces, queries, language)),
            title=standardised(self._dense(self.facets.titles, queries, language)),
            sectors=self._sectors(query, language, queries),
            lexical=relative(self.facets.lexical.scores(query)),
        )

    def similarities(self, query: str) -> tuple[str, np.ndarray]:
        """The query's detected language and its combined score for every text of the index."""
        witnesses = self.witnesses(query)
        return witnesses.language, witnesses.combined(self.weights)

    def search(self, query: str, top: int = 10) -> SearchResults:
        """The ``top`` best opportunities and organizations for ``query``, best first."""
        language, values = self.similarities(query)
        return self.rank(language, values, top)

    def rank(self, language: str, values: np.ndarray, top: int = 10) -> SearchResults:
        """The ``top`` best opportunities and organizations by ``values``, one per text."""
        corpus = self.analysis.corpus
        languages = self.analysis.languages
        opportunities: list[tuple[float, int, SearchHit]] = []
        best: dict[int, tuple[float, int]] = {}
        for index, unit in enumerate(corpus.units):
            value = float(values[index])
            if unit.opportunity is not None:
                hit = SearchHit(
                    kind="opportunity",
                    id=unit.opportunity.id,
                    title=unit.opportunity.title,
                    organization=unit.opportunity.organization,
                    language=languages[index],
                    score=self.weights.display(value),
                )
                opportunities.append((-value, index, hit))
            if unit.organization not in best or value > best[unit.organization][0]:
                best[unit.organization] = (value, index)
        opportunities.sort(key=lambda item: item[:2])
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
        organizations = [
            SearchHit(
                kind="organization",
                id=corpus.organizations[owner].id,
                title=corpus.organizations[owner].name,
                organization=corpus.organizations[owner].id,
                language=languages[index],
                score=self.weights.display(value),
            )
            for owner, (value, index) in ranked[:top]
        ]
        return SearchResults(language, [hit for *_, hit in opportunities[:top]], organizations)
