"""A series' directory: every organization that ever took part in one of its editions.

An organizer looks here for returning partners: search by meaning across all
editions, or, without a query, the organizations of earlier editions nearest those
already in this event. Returning organizations (more than one edition) come first.

Each organization is one vector (its name, latest description and every opportunity
it brought to the series) in the engine's ``VectorIndex``: exact search up to 20,000
organizations, an approximate graph above. A background job (``jobs.runners``)
builds the index and, on later runs, re-embeds only the organizations whose text
changed and adds or removes them in place; the index is saved under the embedding
cache, and each web process loads it again when a job has saved a newer one. Until
a first build, the directory is still listed and searched by name.
"""

import hashlib
import json
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _

from matchfair.matching import (
    EmbeddingCache,
    Encoder,
    NoCache,
    VectorIndex,
    choose_encoders,
)
from matchfair.matching import default_cache_dir as cache_dir
from matchfair.web.directory.models import Opportunity, Organization, Participation
from matchfair.web.events.models import Event, Series

RESULTS = 20
# Neighbours asked of the index per query vector: filters and grouping drop some.
OVERFETCH = 5

_META_FILE = "meta.json"
_lock = threading.Lock()
_loaded: dict[int, "_Loaded"] = {}
# Organizations of the event whose neighbours are looked up for its recommendations:
# the most recently changed, so a page stays quick in an event of thousands.
SEEDS = 200


class NoSeriesError(ValueError):
    """The event belongs to no series, so it has no series directory."""

    def __init__(self) -> None:
        super().__init__(_("This event belongs to no series: choose one in its settings."))


@dataclass(frozen=True)
class DirectoryEntry:
    """One organization of the series, with the editions it took part in (newest first)."""

    organization: Organization
    editions: list[Event]
    in_event: bool
    score: float | None

    @property
    def returning(self) -> bool:
        """Whether it took part in more than one edition."""
        return len(self.editions) > 1


@dataclass(frozen=True)
class IndexState:
    """What the page says of the index: when it was built, over how many, how."""

    built_at: datetime
    organizations: int
    approximate: bool
    memory_bytes: int
    stale: bool


@dataclass(frozen=True)
class BuildReport:
    organizations: int
    embedded: int
    removed: int
    approximate: bool


def index_folder(series: Series) -> Path:
    """Where the series' index is kept: beside the embedding cache it is made from."""
    return cache_dir() / "series-directory" / str(series.pk)


def members(series: Series, organizations: Collection[int]) -> dict[int, list[Event]]:
    """Organization id -> the editions it took part in, newest first (of ``organizations``)."""
    editions: dict[int, list[Event]] = {}
    for participation in (
        Participation.objects.filter(event__series=series, organization__in=organizations)
        .select_related("event")
        .order_by("-event__created_at", "-event__pk")
    ):
        editions.setdefault(participation.organization_id, []).append(participation.event)
    return editions


def organization_texts(series: Series) -> dict[int, str]:
    """Organization id -> the text it is found by: name, latest description, opportunities."""
    texts: dict[int, list[str]] = {}
    for participation in (
        Participation.objects.filter(event__series=series)
        .select_related("organization")
        .order_by("-event__created_at", "-event__pk")
    ):
        parts = texts.setdefault(participation.organization_id, [participation.organization.name])
        if len(parts) == 1 and participation.description:
            parts.append(participation.description)
    for title, description, organization in (
        Opportunity.objects.filter(participation__event__series=series)
        .order_by("-participation__event__created_at", "position", "pk")
        .values_list("title", "description", "participation__organization_id")
    ):
        text = " ".join(filter(None, [title, description]))
        if text not in texts[organization]:
            texts[organization].append(text)
    return {organization: "\n".join(parts) for organization, parts in texts.items()}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _embed(
    encoders: Sequence[Encoder], texts: list[str], cache: EmbeddingCache | NoCache
) -> np.ndarray:
    """One unit vector per text: each encoder's vector, joined, so a dot product is their mean."""
    parts = [cache.values(encoder.key, texts, encoder.encode) for encoder in encoders]
    return np.hstack(parts).astype(np.float32) / np.sqrt(len(encoders))


def _read_meta(folder: Path) -> dict[str, object] | None:
    try:
        return json.loads((folder / _META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def build_index(
    *,
    series: Series,
    spec: str,
    cache: EmbeddingCache,
    progress: Callable[[float], None] | None = None,
) -> BuildReport:
    """Bring the series' index up to date, embedding only organizations whose text changed."""
    texts = organization_texts(series)
    digests = {str(pk): _digest(text) for pk, text in texts.items()}
    encoders = choose_encoders(spec, len(texts))
    keys = [encoder.key for encoder in encoders]
    folder = index_folder(series)
    meta = _read_meta(folder)
    index: VectorIndex | None = None
    if meta is not None and meta.get("encoders") == keys:
        try:
            index = VectorIndex.load(folder)
        except (OSError, ValueError):
            index = None
    known: dict[str, str] = meta.get("digests", {}) if index is not None and meta else {}  # type: ignore[assignment]
    changed = [pk for pk in texts if known.get(str(pk)) != digests[str(pk)]]
    removed = [int(pk) for pk in known if int(pk) not in texts]
    if index is None:
        # The dimension comes from the first vectors; a series with none has an empty index.
        index = VectorIndex(_embed(encoders, [texts[changed[0]]], cache).shape[1] if changed else 1)
    index.remove(removed)
    if changed:
        index.add(changed, _embed(encoders, [texts[pk] for pk in changed], cache))
    if progress is not None:
        progress(0.95)
    index.save(folder)
    meta = {
        "spec": spec,
        "text_count": len(texts),
        "encoders": keys,
        "digests": digests,
        "built_at": datetime.now(UTC).isoformat(),
    }
    temporary = folder / f"{_META_FILE}.tmp"
    temporary.write_text(json.dumps(meta), encoding="utf-8")
    temporary.replace(folder / _META_FILE)
    return BuildReport(len(index), len(changed), len(removed), index.approximate)


@dataclass(frozen=True)
class _Loaded:
    stamp: float
    meta: dict[str, object]
    index: VectorIndex
    encoders: list[Encoder]
    """The build's encoders, kept so that a model is loaded once per process, not per query."""


def _current_index(series: Series) -> _Loaded | None:
    """The saved index, loaded once per process and again after a job saves a newer one."""
    folder = index_folder(series)
    try:
        stamp = (folder / _META_FILE).stat().st_mtime
    except OSError:
        return None
    with _lock:
        kept = _loaded.get(series.pk)
        if kept is not None and kept.stamp == stamp:
            return kept
    meta = _read_meta(folder)
    if meta is None:
        return None
    try:
        index = VectorIndex.load(folder)
    except (OSError, ValueError):
        return None
    encoders = choose_encoders(str(meta["spec"]), int(meta["text_count"]))  # type: ignore[call-overload]
    loaded = _Loaded(stamp, meta, index, encoders)
    with _lock:
        _loaded[series.pk] = loaded
    return loaded


def index_state(series: Series) -> IndexState | None:
    """The index's state for the page, or None before its first build.

    Stale when an organization joined or left the series, or a text of it changed,
    since the build: the cheap signs, read without loading every text.
    """
    found = _current_index(series)
    if found is None:
        return None
    meta, index = found.meta, found.index
    built_at = datetime.fromisoformat(str(meta["built_at"]))
    in_series = Participation.objects.filter(event__series=series)
    changed = [
        in_series.aggregate(latest=Max("updated_at"))["latest"],
        in_series.aggregate(latest=Max("organization__updated_at"))["latest"],
        Opportunity.objects.filter(participation__event__series=series).aggregate(
            latest=Max("updated_at")
        )["latest"],
    ]
    count = in_series.values("organization").distinct().count()
    return IndexState(
        built_at=built_at,
        organizations=len(index),
        approximate=index.approximate,
        memory_bytes=index.memory_bytes,
        stale=count != len(meta.get("digests", {}))  # type: ignore[arg-type]
        or any(moment is not None and moment > built_at for moment in changed),
    )


def _ranked(
    series: Series, event: Event, scores: dict[int, float | None], *, country: str, returning: bool
) -> list[DirectoryEntry]:
    editions = members(series, list(scores))
    organizations = Organization.objects.in_bulk([pk for pk in scores if pk in editions])
    entries = [
        DirectoryEntry(
            organization=organizations[pk],
            editions=editions[pk],
            in_event=any(edition.pk == event.pk for edition in editions[pk]),
            score=score,
        )
        for pk, score in scores.items()
        if pk in organizations
    ]
    entries = [
        entry
        for entry in entries
        if (not country or entry.organization.country == country)
        and (not returning or entry.returning)
    ]
    # Returning organizations first; then the nearest (or, unscored, by name).
    entries.sort(key=lambda e: (not e.returning, -(e.score or 0.0), e.organization.name.casefold()))
    return entries[:RESULTS]


def search_directory(
    *, event: Event, query: str = "", country: str = "", returning: bool = False
) -> list[DirectoryEntry]:
    """The series' organizations matching ``query`` (or recommended for ``event`` without one).

    Without an index yet, a query matches names and descriptions, and no query lists
    the organizations of earlier editions by name.
    """
    series = event.series
    if series is None:
        return []
    country = country.upper()
    found = _current_index(series)
    if found is None:
        return _by_name(series, event, query, country=country, returning=returning)
    count = RESULTS * OVERFETCH * (2 if country or returning else 1)
    if query:
        # Not through the embedding cache: reading it whole costs more than one query.
        vector = _embed(found.encoders, [query], NoCache())[0]
        hits = found.index.search(vector, count)
        scores: dict[int, float | None] = {
            int(key): float(score) for key, score in zip(hits.keys, hits.scores, strict=True)
        }
    else:
        scores = _recommended(found.index, event, count)
    return _ranked(series, event, scores, country=country, returning=returning)


def _recommended(index: VectorIndex, event: Event, count: int) -> dict[int, float | None]:
    """Organizations not in ``event``, scored by their best likeness to one that is."""
    participations = Participation.objects.filter(event=event)
    present = set(participations.values_list("organization", flat=True))
    seeds = [
        organization
        for organization in participations.order_by("-updated_at", "-pk").values_list(
            "organization", flat=True
        )
        if organization in index
    ][:SEEDS]
    scores: dict[int, float | None] = {}
    for organization in seeds:
        # Enough neighbours to see past the event's own organizations near this one.
        hits = index.search(index.vector(organization), count // 4 + len(seeds))
        for key, score in zip(hits.keys.tolist(), hits.scores.tolist(), strict=True):
            if key not in present and score > (scores.get(key) or -1.0):
                scores[key] = score
    return scores


def _by_name(
    series: Series, event: Event, query: str, *, country: str, returning: bool
) -> list[DirectoryEntry]:
    """Before the first build: names and descriptions, returning organizations first."""
    in_series = Q(participations__event__series=series)
    organizations = Organization.objects.filter(in_series)
    if query:
        organizations = organizations.filter(
            Q(name__icontains=query) | Q(participations__description__icontains=query)
        )
    else:
        organizations = organizations.exclude(participations__event=event)
    if country:
        organizations = organizations.filter(country=country)
    found = (
        organizations.annotate(editions=Count("participations", filter=in_series, distinct=True))
        .filter(editions__gt=1 if returning else 0)
        .order_by("-editions", "name", "pk")
        .values_list("pk", flat=True)
        .distinct()[: RESULTS * OVERFETCH]
    )
    return _ranked(series, event, dict.fromkeys(found), country=country, returning=returning)


def directory_entry(event: Event, organization_id: int) -> Organization | None:
    """The organization, when it took part in an edition of ``event``'s series."""
    if event.series_id is None:
        return None
    return Organization.objects.filter(
        pk=organization_id, participations__event__series_id=event.series_id
    ).first()
