"""Searching an event's directory by meaning: its search index, and the partners it finds.

The index is the matching engine's, built from the event as ``core`` objects, which
is why it lives with the conversion. It is built once per version of the event's
content and shared by requests. Building the index exports the event, detects the
language of every text and embeds it (through the embedding cache, so only texts
never seen before are encoded): the bulk of a search's time, while one query against
a built index costs a few milliseconds. Each web process keeps the indexes of the
events searched most recently, each with the content version it was built from; a
search reads the version first (one query), so a profile or opportunity edited in
any process is found by the very next search in every process.

So that no person waits for a build, the server runs a *keeper* (``keep_fresh``) in
a background thread: at start it builds the indexes of the most recent events and
loads the encoders with a first query, then it looks at their content versions
every few seconds and rebuilds an index whose texts changed, before anyone searches
for them. A search that arrives while its index is being built waits for that
build instead of starting a second one.
"""

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections

from matchfair.matching import EmbeddingCache, SearchIndex, default_cache_dir
from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.directory.queries import Version, content_version
from matchfair.web.events.models import Event
from matchfair.web.exchange.from_database import export_event

# Indexes kept per process: one per event and encoder spec, least recently used out.
EVENTS_KEPT = 8
RESULTS = 10

#: Seconds between two looks of the keeper at the events' content versions.
KEEPER_INTERVAL = 2.0

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_indexes: OrderedDict[tuple[int, str], tuple[Version, SearchIndex]] = OrderedDict()
# One lock per index, held while it is built: a second caller waits for that build.
_building: dict[tuple[int, str], threading.Lock] = {}


def _kept(key: tuple[int, str], version: Version) -> SearchIndex | None:
    with _lock:
        kept = _indexes.get(key)
        if kept is not None and kept[0] == version:
            _indexes.move_to_end(key)
            return kept[1]
    return None


def search_index(event: Event, spec: str) -> SearchIndex:
    """The index of ``event``'s texts as they are now, embedded with the encoders of ``spec``."""
    key = (event.pk, spec)
    # Read before the texts: an edit committed in between leaves an index newer than its
    # version, which the next search replaces, never an older one that looks current.
    version = content_version(event)
    index = _kept(key, version)
    if index is not None:
        return index
    with _lock:
        building = _building.setdefault(key, threading.Lock())
    with building:
        index = _kept(key, version)  # built by whoever held the lock meanwhile
        if index is not None:
            return index
        index = SearchIndex.build(
            export_event(event, with_results=False),
            spec=spec,
            cache=EmbeddingCache(default_cache_dir()),
        )
        # A throwaway query loads the encoders and the language detector now, not when
        # the first person searches.
        index.search(event.name, top=1)
        with _lock:
            _indexes[key] = (version, index)
            _indexes.move_to_end(key)
            while len(_indexes) > EVENTS_KEPT:
                _indexes.popitem(last=False)
    return index


def refresh_indexes(spec: str) -> int:
    """Bring the indexes of the most recent events up to date; how many were (re)built."""
    built = 0
    for event in Event.objects.order_by("-pk")[:EVENTS_KEPT]:
        before = _indexes.get((event.pk, spec))
        try:
            index = search_index(event, spec)
        except Exception:
            # A search of that event will meet the same error and show it; the keeper
            # goes on with the other events.
            logger.exception("search index of event %s", event.pk)
            continue
        built += before is None or before[1] is not index
    return built


def keep_fresh(stop: threading.Event, spec: str, interval: float = KEEPER_INTERVAL) -> None:
    """Rebuild the recent events' indexes whenever their texts change, until ``stop`` is set."""
    while not stop.is_set():
        try:
            refresh_indexes(spec)
        finally:
            close_old_connections()
        stop.wait(interval)


def start_keeper(spec: str | None = None) -> threading.Event:
    """Run ``keep_fresh`` in a daemon thread; setting the returned event stops it."""
    stop = threading.Event()
    threading.Thread(
        target=keep_fresh,
        args=(stop, spec or settings.MATCHFAIR_ENCODER),
        name="search-index-keeper",
        daemon=True,
    ).start()
    return stop


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
