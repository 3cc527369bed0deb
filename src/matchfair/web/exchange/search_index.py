"""Searching an event's directory by meaning: its search index, and the partners it finds.

The index is the matching engine's, built from the event as ``core`` objects, which
is why it lives with the conversion. It is built once per version of the event's
content and shared by requests. Building the index exports the event, detects the language of every text and embeds
it (through the embedding cache): the bulk of a search's time, while one query
against a built index costs a few milliseconds. Each web process keeps the indexes
of the events searched most recently, each with the content version it was built
from; a search reads the version first (one query), so a profile or opportunity
edited in any process is found by the very next search in every process.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings

from matchfair.matching import EmbeddingCache, SearchIndex, default_cache_dir
from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.directory.queries import Version, content_version
from matchfair.web.events.models import Event
from matchfair.web.exchange.from_database import export_event

# Indexes kept per process: one per event and encoder spec, least recently used out.
EVENTS_KEPT = 8
RESULTS = 10

_lock = threading.Lock()
_indexes: OrderedDict[tuple[int, str], tuple[Version, SearchIndex]] = OrderedDict()


def search_index(event: Event, spec: str) -> SearchIndex:
    """The index of ``event``'s texts as they are now, embedded with the encoders of ``spec``."""
    key = (event.pk, spec)
    # Read before the texts: an edit committed in between leaves an index newer than its
    # version, which the next search replaces, never an older one that looks current.
    version = content_version(event)
    with _lock:
        kept = _indexes.get(key)
        if kept is not None and kept[0] == version:
            _indexes.move_to_end(key)
            return kept[1]
    index = SearchIndex.build(
        export_event(event, with_results=False),
        spec=spec,
        cache=EmbeddingCache(default_cache_dir()),
    )
    with _lock:
        _indexes[key] = (version, index)
        _indexes.move_to_end(key)
        while len(_indexes) > EVENTS_KEPT:
            _indexes.popitem(last=False)
    return index


@dataclass(frozen=True)
class PartnerHit:
    participation: Participation
    score: float
    matched: str
    """The opportunity title that matched, or the organization's name for a profile match."""


def search_partners(event: Event, query: str, *, spec: str | None = None) -> list[PartnerHit]:
    """The organizations whose profile or opportunities best match ``query``, best first.

    A query in English finds the Chinese opportunity that says the same thing; only
    the query is new work once the event's index is built.
    """
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
