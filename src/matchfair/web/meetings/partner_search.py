"""Finding partners for tailor-made meetings: by meaning across languages, or from recommendations.

A query in English finds the Chinese opportunity that says the same thing: the
matching engine's search index embeds the event's texts, once per version of them
(directory.search_index), so only the query is new work after the first search.
"""

from dataclasses import dataclass

from django.conf import settings

from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.directory.search_index import search_index
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import MeetingRequest, Recommendation

RESULTS = 10


@dataclass(frozen=True)
class PartnerHit:
    participation: Participation
    score: float
    matched: str
    """The opportunity title that matched, or the organization's name for a profile match."""


def search_partners(event: Event, query: str, *, spec: str | None = None) -> list[PartnerHit]:
    """The organizations whose profile or opportunities best match ``query``, best first."""
    results = search_index(event, spec or settings.MATCHFAIR_ENCODER).search(query, top=RESULTS)
    found = results.opportunities + results.organizations
    participations = {
        p.code: p
        for p in Participation.objects.filter(
            event=event, code__in={hit.organization for hit in found}
        ).select_related("organization")
    }
    titles = dict(
        Opportunity.objects.filter(
            event=event, code__in={hit.id for hit in results.opportunities}
        ).values_list("code", "title")
    )
    hits: dict[str, PartnerHit] = {}
    for hit in sorted(found, key=lambda h: -h.score):
        # (One removed since the index was read is left out rather than failing the page.)
        if hit.organization in hits or hit.organization not in participations:
            continue
        matched = titles.get(hit.id, "") if hit.kind == "opportunity" else hit.title
        hits[hit.organization] = PartnerHit(participations[hit.organization], hit.score, matched)
    return list(hits.values())[:RESULTS]


@dataclass(frozen=True)
class SuggestedPair:
    first: Participation
    second: Participation
    score: float
    reasons: list[str]


def suggested_pairs(event: Event, count: int = 20) -> list[SuggestedPair]:
    """The best-scored recommended pairs that nobody has requested yet, each pair once."""
    requested = {
        frozenset(pair)
        for pair in MeetingRequest.objects.filter(event=event).values_list(
            "requester_id", "recipient_id"
        )
    }
    pairs: list[SuggestedPair] = []
    recommendations = (
        Recommendation.objects.filter(event=event)
        .select_related("participation__organization", "partner__organization")
        .order_by("-score", "pk")
    )
    for recommendation in recommendations[: count * 10]:
        key = frozenset((recommendation.participation_id, recommendation.partner_id))
        if key in requested:
            continue
        requested.add(key)
        pairs.append(
            SuggestedPair(
                recommendation.participation,
                recommendation.partner,
                recommendation.score,
                list(recommendation.reasons),
            )
        )
        if len(pairs) == count:
            break
    return pairs
