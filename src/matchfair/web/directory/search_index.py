"""An event's search index, built once per version of its content and shared by requests.

Building the index exports the event, detects the language of every text and embeds
it (through the embedding cache): the bulk of a search's time, while one query
against a built index costs a few milliseconds. Each web process keeps the indexes
of the events searched most recently, each with the content version it was built
from; a search reads the version first (one query), so a profile or opportunity
edited in any process is found by the very next search in every process.
"""

import threading
from collections import OrderedDict

from matchfair.matching import EmbeddingCache, SearchIndex, default_cache_dir
from matchfair.web.directory.content_version import Version, content_version
from matchfair.web.events.models import Event
from matchfair.web.exchange.from_database import export_event

# Indexes kept per process: one per event and encoder spec, least recently used out.
EVENTS_KEPT = 8

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
