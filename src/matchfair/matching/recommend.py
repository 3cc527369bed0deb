"""``recommend``: every organization's best partners, each with a score and its reasons.

A pure function of the event file and the configuration: the same file gives the
same recommendations from the command line, the web application and the API.
docs/matching.md describes the method and its guarantees.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matchfair.core import (
    Event,
    MeetingRequest,
    ProgressCallback,
    Recommendation,
    Recommendations,
    requested_meetings,
)
from matchfair.core.sectors import sector_message
from matchfair.i18n import Message
from matchfair.matching.analysis import Analysis, analyse
from matchfair.matching.cache import EmbeddingCache, NoCache
from matchfair.matching.encoder import Encoder
from matchfair.matching.explain import requests_reasons, sectors_reason, texts_reason
from matchfair.matching.ranking import (
    Constraints,
    best_partners,
    hub_levels,
    organization_scores,
)
from matchfair.matching.registry import DEFAULT_SPEC
from matchfair.matching.structure import kind_type_features, sector_matrix, sector_sets
from matchfair.matching.units import UnitScorer
from matchfair.matching.weights import Weights


def constraints_of(event: Event, weights: Weights) -> Constraints:
    """Groups, and the meeting requests as bonuses (made, accepted) or exclusions (declined)."""
    position = {organization.id: index for index, organization in enumerate(event.organizations)}
    labels = sorted({org.group for org in event.organizations if org.group is not None})
    code = {label: index for index, label in enumerate(labels)}
    groups = np.array(
        [code[org.group] if org.group is not None else -1 for org in event.organizations],
        dtype=np.int64,
    )
    bonus: dict[tuple[int, int], float] = {}
    excluded: set[tuple[int, int]] = set()
    for meeting in requested_meetings(event):
        a, b = position[meeting.a], position[meeting.b]
        if meeting.status == "declined":
            excluded.update({(a, b), (b, a)})
            continue
        value = weights.accepted if meeting.status == "accepted" else weights.requested
        bonus[(a, b)] = bonus[(b, a)] = value
    return Constraints(groups, event.event.match_across_groups, bonus, frozenset(excluded))


def _requests_between(event: Event) -> dict[frozenset[str], list[MeetingRequest]]:
    between: dict[frozenset[str], list[MeetingRequest]] = {}
    for request in event.meeting_requests:
        between.setdefault(frozenset((request.from_, request.to)), []).append(request)
    return between


def _closest_texts(
    analysis: Analysis, scorer: UnitScorer, a: int, partners: list[int]
) -> list[tuple[int, int]]:
    """For each partner, the pair of texts (mine, theirs) that carried its score.

    One matrix product per organization, against all its partners' texts at once.
    """
    corpus = analysis.corpus
    mine = corpus.units_of(a)
    ranges = [corpus.units_of(b) for b in partners]
    columns = np.concatenate([np.arange(r.start, r.stop) for r in ranges]) if ranges else []
    block = scorer.scores(slice(mine.start, mine.stop), np.asarray(columns, dtype=np.int64))
    pairs, offset = [], 0
    for theirs in ranges:
        part = block[:, offset : offset + len(theirs)]
        row, column = np.unravel_index(int(np.argmax(part)), part.shape)
        pairs.append((mine.start + int(row), theirs.start + int(column)))
        offset += len(theirs)
    return pairs


def _reasons(
    event: Event,
    analysis: Analysis,
    sectors: list[frozenset[str]],
    between: dict[frozenset[str], list[MeetingRequest]],
    pair: tuple[int, int],
    texts: tuple[int, int],
) -> list[Message]:
    corpus, languages = analysis.corpus, analysis.languages
    (a, b), (i, j) = pair, texts
    reasons = [texts_reason(corpus.units[i], languages[i], corpus.units[j], languages[j])]
    shared = [sector_message(label) for label in sorted(sectors[a] & sectors[b])]
    if shared:
        reasons.append(sectors_reason(shared))
    me, partner = event.organizations[a].id, event.organizations[b].id
    reasons.extend(requests_reasons(me, partner, between.get(frozenset((me, partner)), [])))
    return reasons


def _recommendation(partner: str, score: float, reasons: list[Message]) -> Recommendation:
    """The file's text of each reason in the current language, and the reasons themselves."""
    return Recommendation(
        partner=partner,
        score=score,
        reasons=[reason.render() for reason in reasons],
        messages=reasons,
    )


@dataclass(frozen=True)
class Prepared:
    """An event read for ranking: its texts' analysis and every term of a pair's value."""

    event: Event
    analysis: Analysis
    scorer: UnitScorer
    constraints: Constraints
    sectors: list[frozenset[str]]
    sector_matrix: np.ndarray
    between: dict[frozenset[str], list[MeetingRequest]]
    weights: Weights

    def recommendations(self, a: int, partners: list[tuple[int, float]]) -> list[Recommendation]:
        """Organization ``a``'s list, each partner with its displayed score and reasons."""
        event, weights = self.event, self.weights
        closest = _closest_texts(self.analysis, self.scorer, a, [b for b, _ in partners])
        return [
            _recommendation(
                event.organizations[b].id,
                weights.display(value),
                _reasons(event, self.analysis, self.sectors, self.between, (a, b), texts),
            )
            for (b, value), texts in zip(partners, closest, strict=True)
        ]


def prepare(
    event: Event,
    *,
    encoders: Sequence[Encoder] | None = None,
    spec: str = DEFAULT_SPEC,
    cache: EmbeddingCache | NoCache | None = None,
    weights: Weights | None = None,
    progress: ProgressCallback | None = None,
) -> Prepared:
    """Embed ``event``'s texts (through the cache) and set up the terms of the ranking."""
    weights = weights or Weights()
    analysis = analyse(
        event, all_profiles=False, encoders=encoders, spec=spec, cache=cache, progress=progress
    )
    left, right = kind_type_features(analysis.corpus, weights)
    sectors = sector_sets(event)
    return Prepared(
        event,
        analysis,
        UnitScorer(analysis.spaces, left, right),
        constraints_of(event, weights),
        sectors,
        sector_matrix(sectors),
        _requests_between(event),
        weights,
    )


def ranked_in_full(
    prepared: Prepared, top: int
) -> tuple[list[list[tuple[int, float]]], np.ndarray]:
    """Every organization's ``top`` partners with their combined values, and the hub levels."""
    corpus, constraints = prepared.analysis.corpus, prepared.constraints
    scores = organization_scores(corpus, prepared.scorer, constraints)
    levels = hub_levels(scores, constraints, prepared.weights.hub_neighbours)
    ranked = best_partners(
        scores, prepared.sector_matrix, constraints, prepared.weights, top, levels=levels
    )
    return ranked, levels


def recommend(
    event: Event,
    *,
    top: int = 10,
    encoders: Sequence[Encoder] | None = None,
    spec: str = DEFAULT_SPEC,
    cache: EmbeddingCache | NoCache | None = None,
    weights: Weights | None = None,
    progress: ProgressCallback | None = None,
) -> Recommendations:
    """Up to ``top`` partners for every organization of ``event``, best first, with reasons."""
    prepared = prepare(
        event, encoders=encoders, spec=spec, cache=cache, weights=weights, progress=progress
    )
    ranked, _levels = ranked_in_full(prepared, top)
    recommendations = {
        event.organizations[a].id: prepared.recommendations(a, partners)
        for a, partners in enumerate(ranked)
    }
    return Recommendations(event=event.event.id, recommendations=recommendations)
