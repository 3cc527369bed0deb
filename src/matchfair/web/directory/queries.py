"""Reads of an event's directory that the pages and the API share.

Filtering the organizations and opportunities of an event, searching them by words,
the sectors and countries a filter offers, and the version of the content.

The content version is for anything built from all of it: a search index built from
an event's profiles and opportunities stays right until one of them is added, changed
or removed. Every save stamps its row (``updated_at``, ``bulk_create`` and saves
naming their ``update_fields`` included), so the latest stamps and the numbers of rows
together name one version of the content: an edit moves a stamp, a removal lowers a
count, an addition does both. Reading the version is one small query, so every web
process can check it on each use and never serve what an edit has made stale.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Q, QuerySet

from matchfair.web.directory.languages import written_in
from matchfair.web.directory.models import Opportunity, Organization, Participation
from matchfair.web.events.models import Event

Version = tuple[object, ...]
T = TypeVar("T")

# Plain SQL that every database runs alike: the ORM took five times longer to compile these
# subqueries than the database to answer them (6 ms against 1 ms per search, on PostgreSQL).
_QUERY = """
SELECT
  (SELECT COUNT(*) FROM {participation} WHERE event_id = %(event)s),
  (SELECT MAX(updated_at) FROM {participation} WHERE event_id = %(event)s),
  (SELECT MAX(o.updated_at) FROM {organization} o
     JOIN {participation} p ON p.organization_id = o.id WHERE p.event_id = %(event)s),
  (SELECT COUNT(*) FROM {opportunity} WHERE event_id = %(event)s),
  (SELECT MAX(updated_at) FROM {opportunity} WHERE event_id = %(event)s)
"""


def content_version(event: Event) -> Version:
    """What the event's organizations, profiles and opportunities are now, in one query."""
    query = _QUERY.format(
        participation=connection.ops.quote_name(Participation._meta.db_table),
        organization=connection.ops.quote_name(Organization._meta.db_table),
        opportunity=connection.ops.quote_name(Opportunity._meta.db_table),
    )
    with connection.cursor() as cursor:
        cursor.execute(query, {"event": event.pk})
        return (event.pk, *cursor.fetchone())


def participations_of(
    event: Event,
    *,
    country: str = "",
    kind: str = "",
    attendance: str = "",
    group: str = "",
    name: str = "",
    sector: str = "",
    section: str = "",
    offering: QuerySet[Opportunity] | None = None,
) -> QuerySet[Participation]:
    """The event's participations (with their organization) that pass every filter given.

    ``name``: words that must all be in the organization's name; ``offering``: only
    those with one of these opportunities; ``sector``: a keyword and ``section``: a NACE
    section letter, of the profile or of an opportunity. An empty value does not filter.
    """
    participations = Participation.objects.filter(event=event).select_related("organization")
    if country:
        participations = participations.filter(organization__country=country)
    if kind:
        participations = participations.filter(organization__kind=kind)
    if attendance:
        participations = participations.filter(attendance=attendance)
    if group:
        participations = participations.filter(group=group)
    for word in name.split():
        participations = participations.filter(organization__name__icontains=word)
    if offering is not None:
        participations = participations.filter(pk__in=offering.values("participation_id"))
    if sector:
        participations = participations.filter(pk__in=_listing(event, "sectors", sector))
    if section:
        participations = participations.filter(pk__in=_listing(event, "nace", section))
    return participations


def _listing(event: Event, field: str, value: str) -> set[int]:
    """Participations whose profile or an opportunity lists ``value`` in ``field`` (JSON
    lists, read in Python because SQLite and PostgreSQL query JSON differently)."""
    rows = Opportunity.objects.filter(event=event).values_list("participation_id", field)
    found = {owner for owner, listed in rows if value in (listed or [])}
    rows = Participation.objects.filter(event=event).values_list("pk", field)
    return found | {pk for pk, listed in rows if value in (listed or [])}


def opportunities_of(
    event: Event,
    *,
    kind: str = "",
    type: str = "",
    participation: int | None = None,
    words: str = "",
) -> QuerySet[Opportunity]:
    """The event's opportunities that pass every filter given; an empty value does not filter.

    ``kind``: offer or request; ``participation``: its id; ``words``: each in the title or
    the description.
    """
    opportunities = Opportunity.objects.filter(event=event)
    if kind:
        opportunities = opportunities.filter(kind=kind)
    if type:
        opportunities = opportunities.filter(type=type)
    if participation:
        opportunities = opportunities.filter(participation_id=participation)
    for word in words.split():
        opportunities = opportunities.filter(
            Q(title__icontains=word) | Q(description__icontains=word)
        )
    return opportunities


@dataclass(frozen=True)
class OpportunityFilters:
    """The organizer's filters of an event's opportunities; an empty value does not filter.

    ``language``: the language the opportunity is written in or one its organization
    speaks; ``section`` (a NACE letter) and ``sector`` (a keyword): named by the
    opportunity or by its organization's profile.
    """

    kind: str = ""
    type: str = ""
    language: str = ""
    section: str = ""
    sector: str = ""


def listed_opportunities(event: Event, filters: OpportunityFilters) -> list[int]:
    """The ids of the event's offers and requests that pass ``filters``, by organization.

    Kind and type are columns; the language an opportunity is written in is detected
    (``written_languages``) and sectors are JSON lists, which SQLite and PostgreSQL
    query differently, so those two filters are applied in Python to the ids (a list
    of 100,000 ids would also exceed what SQLite takes as parameters of one query).
    Read the rows of one page with ``opportunity_rows``.
    """
    listed = opportunities_of(event, kind=filters.kind, type=filters.type).order_by(
        "participation__organization__name", "position", "pk"
    )
    # Sections and keywords only when filtered by them: decoding every row's JSON list
    # costs more than the query itself (0.4 s for 20,000 opportunities).
    rows = list(
        listed.values_list(
            "pk",
            "participation_id",
            "sectors" if filters.sector else "pk",
            "nace" if filters.section else "pk",
        )
    )
    if filters.language:
        written = written_languages(event)
        speaking = set(_speaking(event, filters.language))
        rows = [
            row for row in rows if written.get(row[0]) == filters.language or row[1] in speaking
        ]
    if filters.sector:
        profiles = set(_profiles_naming(event, "sectors", filters.sector))
        rows = [row for row in rows if filters.sector in (row[2] or []) or row[1] in profiles]
    if filters.section:
        profiles = set(_profiles_naming(event, "nace", filters.section))
        rows = [row for row in rows if filters.section in (row[3] or []) or row[1] in profiles]
    return [row[0] for row in rows]


def opportunity_rows(ids: list[int]) -> list[Opportunity]:
    """The opportunities of ``ids`` (one page of them), with their organizations, in order."""
    found = Opportunity.objects.select_related("participation__organization").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def _speaking(event: Event, language: str) -> list[int]:
    rows = Participation.objects.filter(event=event).values_list("pk", "languages")
    return [pk for pk, languages in rows if language in (languages or [])]


def _profiles_naming(event: Event, field: str, value: str) -> list[int]:
    """The event's profiles whose list ``field`` (``sectors`` or ``nace``) holds ``value``."""
    rows = Participation.objects.filter(event=event).values_list("pk", field)
    return [pk for pk, values in rows if value in (values or [])]


def spoken_languages(event: Event) -> set[str]:
    """Every language the event's organizations say they speak, for a filter's choices
    (kept per content version, like ``written_languages``)."""

    def read() -> set[str]:
        rows = Participation.objects.filter(event=event).order_by().values_list("languages")
        return {code for (languages,) in rows for code in languages or []}

    return _per_version("spoken", event, read)


def written_languages(event: Event) -> dict[int, str]:
    """The language each of the event's opportunities is written in, by id ("" unknown).

    Detecting an event's short texts costs about 0.15 ms each on every call (only long
    ones are kept in the embedding cache), 15 s for 100,000, so the result is kept per
    process for the content version it was read at (``content_version``): an edit in
    any process is seen by the next filter, and an unchanged event is read once.
    """
    return _per_version(
        "written",
        event,
        lambda: written_in(
            list(Opportunity.objects.filter(event=event).only("title", "description"))
        ),
    )


# What the opportunity filters read of the events filtered most recently, per version.
KEPT = 16
_lock = threading.Lock()
_kept: OrderedDict[tuple[str, int], tuple[Version, Any]] = OrderedDict()


def _per_version(name: str, event: Event, read: Callable[[], T]) -> T:
    """``read()``, or what it gave for the event's current content version."""
    key, version = (name, event.pk), content_version(event)
    with _lock:
        kept = _kept.get(key)
        if kept is not None and kept[0] == version:
            _kept.move_to_end(key)
            return kept[1]
    found = read()
    with _lock:
        _kept[key] = (version, found)
        _kept.move_to_end(key)
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return found


def search_participations(event: Event, query: str) -> QuerySet[Participation]:
    """Participations whose name, description or opportunities contain the words of ``query``."""
    participations = participations_of(event)
    for word in query.split():
        participations = participations.filter(
            Q(organization__name__icontains=word)
            | Q(description__icontains=word)
            | Q(opportunities__title__icontains=word)
            | Q(opportunities__description__icontains=word)
        )
    return participations.distinct()


def country_codes_of(event: Event) -> set[str]:
    """The country codes of the event's participants: a filter offers what can be found."""
    return set(
        Organization.objects.filter(participations__event=event)
        .exclude(country="")
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )


def sectors_of(event: Event) -> tuple[list[str], list[str]]:
    """The NACE section letters and the sector keywords named in the event's profiles and
    opportunities, each sorted, for the filters' choices (one query for all four lists)."""
    profiles = Participation.objects.filter(event=event).order_by().values_list("nace", "sectors")
    offers = Opportunity.objects.filter(event=event).order_by().values_list("nace", "sectors")
    sections: set[str] = set()
    keywords: set[str] = set()
    for nace, sectors in profiles.union(offers, all=True):
        sections.update(nace or [])
        keywords.update(sectors or [])
    return sorted(sections), sorted(keywords)
