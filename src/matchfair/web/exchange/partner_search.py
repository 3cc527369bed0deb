"""Finding partners by meaning across languages: the search engine's hits as participations.

A query in English finds the Chinese opportunity that says the same thing: the
matching engine's search index embeds the event's texts, once per version of them
(directory.search_index), so only the query is new work after the first search.
It lives here because it turns the engine's hits (codes) back into rows. The
organizer's tailor-made meetings page and the participants' catalog both use it.
"""

from dataclasses import dataclass

from django.conf import settings

from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.directory.search_index import search_index
from matchfair.web.events.models import Event

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
