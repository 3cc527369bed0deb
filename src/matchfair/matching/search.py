"""Search: the opportunities and organizations that best match a query in any language.

The index embeds the event's texts once (opportunities and every organization's
profile); a query is embedded, centred with the mean of its language in the event
(its own language direction removed, as for the event's texts) and scored by the
same dense similarity as recommendations, without the structured terms, which a
query does not have. An organization scores as its best-matching text.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from matchfair.core import Event, ProgressCallback
from matchfair.matching.analysis import Analysis, analyse
from matchfair.matching.cache import EmbeddingCache, NoCache
from matchfair.matching.dense import combined_similarity
from matchfair.matching.encoder import Encoder, covers
from matchfair.matching.language import detect
from matchfair.matching.registry import DEFAULT_SPEC
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


class SearchIndex:
    """An event's texts, embedded once, ready for any number of queries."""

    def __init__(self, analysis: Analysis, weights: Weights | None = None) -> None:
        self.analysis = analysis
        self.weights = weights or Weights()

    @classmethod
    def build(
        cls,
        event: Event,
        *,
        encoders: Sequence[Encoder] | None = None,
        spec: str = DEFAULT_SPEC,
        cache: EmbeddingCache | NoCache | None = None,
        progress: ProgressCallback | None = None,
    ) -> "SearchIndex":
        """Embed ``event``'s opportunities and profiles (through the cache)."""
        return cls(
            analyse(
                event,
                all_profiles=True,
                encoders=encoders,
                spec=spec,
                cache=cache,
                progress=progress,
            )
        )

    def similarities(self, query: str) -> tuple[str, np.ndarray]:
        """The query's detected language and its similarity to every text of the index."""
        language = str(detect([query], among=self.analysis.languages)[0])
        spaces = self.analysis.spaces
        rows = [space.project(space.encoder.encode([query]), [language]) for space in spaces]
        row_covered = [np.array([covers(space.encoder, language)]) for space in spaces]
        values = combined_similarity(
            spaces,
            rows,
            row_covered,
            [space.vectors for space in spaces],
            [space.covered for space in spaces],
        )
        return language, values[0]

    def search(self, query: str, top: int = 10) -> SearchResults:
        """The ``top`` best opportunities and organizations for ``query``, best first."""
        language, values = self.similarities(query)
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
