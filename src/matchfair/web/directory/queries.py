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

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet

from matchfair.web.directory.languages import written_in
from matchfair.web.directory.models import Opportunity, Organization, Participation
from matchfair.web.events.models import Event

Version = tuple[object, ...]

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
    offering: QuerySet[Opportunity] | None = None,
) -> QuerySet[Participation]:
    """The event's participations (with their organization) that pass every filter given.

    ``name``: words that must all be in the organization's name; ``offering``: only
    those with one of these opportunities. An empty value does not filter.
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
        participations = participations.filter(pk__in=_with_sector(event, sector))
    return participations


def _with_sector(event: Event, sector: str) -> set[int]:
    """Participations naming ``sector`` in their profile or an opportunity (JSON lists, read
    in Python because SQLite and PostgreSQL query JSON differently)."""
    rows = Opportunity.objects.filter(event=event).values_list("participation_id", "sectors")
    found = {owner for owner, sectors in rows if sector in (sectors or [])}
    rows = Participation.objects.filter(event=event).values_list("pk", "sectors")
    return found | {pk for pk, sectors in rows if sector in (sectors or [])}


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
    speaks; ``sector``: named by the opportunity or by its organization's profile.
    """

    kind: str = ""
    type: str = ""
    language: str = ""
    sector: str = ""


@dataclass(frozen=True)
class ListedOpportunities:
    """The opportunities that pass the filters, and what the filters may offer."""

    opportunities: list[Opportunity]
    languages: dict[int, str]
    language_choices: list[str]


def listed_opportunities(event: Event, filters: OpportunityFilters) -> ListedOpportunities:
    """Every offer and request of the event that passes ``filters``, by organization.

    Languages are told from the texts (``directory.languages.written_in``), so the
    language filter reads all of the event's opportunities in Python; the sector
    filter too, since SQLite and PostgreSQL query JSON lists differently.
    """
    everything = list(
        opportunities_of(event, kind=filters.kind, type=filters.type)
        .select_related("participation__organization")
        .order_by("participation__organization__name", "position", "pk")
    )
    languages = written_in(everything)
    choices = set(languages.values())
    for opportunity in everything:
        choices.update(opportunity.participation.languages or [])
    shown = [
        opportunity
        for opportunity in everything
        if _in_language(opportunity, languages[opportunity.pk], filters.language)
        and _in_sector(opportunity, filters.sector)
    ]
    return ListedOpportunities(shown, languages, sorted(choices - {""}))


def _in_language(opportunity: Opportunity, written: str, language: str) -> bool:
    return (
        not language
        or written == language
        or language in (opportunity.participation.languages or [])
    )


def _in_sector(opportunity: Opportunity, sector: str) -> bool:
    return (
        not sector
        or sector in (opportunity.sectors or [])
        or sector in (opportunity.participation.sectors or [])
    )


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


def sectors_of(event: Event) -> list[str]:
    """Every sector named in the event, for the filter's choices (one query for both lists)."""
    profiles = Participation.objects.filter(event=event).order_by().values_list("sectors")
    offers = Opportunity.objects.filter(event=event).order_by().values_list("sectors")
    found: set[str] = set()
    for (sectors,) in profiles.union(offers, all=True):
        found.update(sectors or [])
    return sorted(found)
