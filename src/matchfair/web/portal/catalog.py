"""The catalog before the event: every participant and opportunity, filtered and searched.

Filters are plain database conditions; a search query goes through the matching
engine (exchange.partner_search), so a query in Chinese finds a German profile, and
the filters then narrow the engine's ranking without changing its order. Browsing
reads one page of participants from the database, never the whole event.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet

from matchfair.web.directory.models import Opportunity, Organization, Participation
from matchfair.web.events.models import Event
from matchfair.web.exchange.partner_search import search_partners
from matchfair.web.portal.languages import country_name


@dataclass(frozen=True)
class Filters:
    """The catalog's filters; an empty value does not filter."""

    country: str = ""
    sector: str = ""
    kind: str = ""
    direction: str = ""
    type: str = ""
    attendance: str = ""


@dataclass(frozen=True)
class CatalogEntry:
    participation: Participation
    score: float | None = None
    matched: str = ""
    opportunities: list[Opportunity] = field(default_factory=list)


def filtered(event: Event, filters: Filters) -> QuerySet[Participation]:
    """The event's participations that pass every filter, with their opportunities."""
    opportunities = Opportunity.objects.filter(event=event)
    if filters.direction:
        opportunities = opportunities.filter(kind=filters.direction)
    if filters.type:
        opportunities = opportunities.filter(type=filters.type)
    participations = Participation.objects.filter(event=event).select_related("organization")
    if filters.country:
        participations = participations.filter(organization__country=filters.country)
    if filters.kind:
        participations = participations.filter(organization__kind=filters.kind)
    if filters.attendance:
        participations = participations.filter(attendance=filters.attendance)
    if filters.direction or filters.type:
        participations = participations.filter(pk__in=opportunities.values("participation_id"))
    if filters.sector:
        participations = participations.filter(pk__in=_with_sector(event, filters.sector))
    return participations.prefetch_related(
        Prefetch("opportunities", queryset=opportunities, to_attr="shown_opportunities")
    ).order_by("organization__name", "pk")


def _with_sector(event: Event, sector: str) -> set[int]:
    """Participations naming ``sector`` in their profile or an opportunity (JSON lists, read
    in Python because SQLite and PostgreSQL query JSON differently)."""
    rows = Opportunity.objects.filter(event=event).values_list("participation_id", "sectors")
    found = {owner for owner, sectors in rows if sector in (sectors or [])}
    rows = Participation.objects.filter(event=event).values_list("pk", "sectors")
    return found | {pk for pk, sectors in rows if sector in (sectors or [])}


def countries_of(event: Event, chosen: str = "") -> list[tuple[str, str]]:
    """The countries of the event's participants (and the one ``chosen``), as (code, name)
    in the reader's language, sorted by name: a filter offers what can be found, not the
    world's 249 countries."""
    codes = set(
        Organization.objects.filter(participations__event=event)
        .exclude(country="")
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )
    named = [(code, country_name(code)) for code in codes | ({chosen} - {""})]
    return sorted(named, key=lambda country: (country[1], country[0]))


def sectors_of(event: Event) -> list[str]:
    """Every sector named in the event, for the filter's choices (one query for both lists)."""
    profiles = Participation.objects.filter(event=event).order_by().values_list("sectors")
    offers = Opportunity.objects.filter(event=event).order_by().values_list("sectors")
    found: set[str] = set()
    for (sectors,) in profiles.union(offers, all=True):
        found.update(sectors or [])
    return sorted(found)


@dataclass(frozen=True)
class CatalogPage:
    """One page of the catalog: the paginator's page (for its links and count) and its entries."""

    page: Page
    entries: list[CatalogEntry]


def catalog(
    event: Event,
    filters: Filters,
    query: str = "",
    *,
    viewer: Participation | None = None,
    page: str | int | None = None,
    per_page: int,
) -> CatalogPage:
    """The catalog page: by name, or ranked by the engine when a query is given.

    A search leaves out the ``viewer``'s own organization: its texts, in its own
    language, would otherwise top every search it makes.
    """
    if not query:
        shown = Paginator(filtered(event, filters), per_page).get_page(page)
        return CatalogPage(
            shown, [CatalogEntry(p, opportunities=p.shown_opportunities) for p in shown]
        )
    own = viewer.pk if viewer is not None else None
    hits = [hit for hit in search_partners(event, query) if hit.participation.pk != own]
    participations = {
        p.pk: p for p in filtered(event, filters).filter(pk__in=[h.participation.pk for h in hits])
    }
    entries = [
        CatalogEntry(
            participations[hit.participation.pk],
            score=hit.score,
            matched=hit.matched,
            opportunities=participations[hit.participation.pk].shown_opportunities,
        )
        for hit in hits
        if hit.participation.pk in participations
    ]
    shown = Paginator(entries, per_page).get_page(page)
    return CatalogPage(shown, list(shown))
