"""The catalog before the event: every participant and opportunity, filtered and searched.

Filters are plain database conditions; a search query goes through the matching
engine (exchange.search_index), so a query in Chinese finds a German profile, and
the filters then narrow the engine's ranking without changing its order. Browsing
reads one page of participants from the database, never the whole event.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet

from matchfair.web.directory.languages import country_name
from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.directory.queries import country_codes_of, opportunities_of, participations_of
from matchfair.web.events.models import Event
from matchfair.web.exchange.search_index import search_partners


@dataclass(frozen=True)
class Filters:
    """The catalog's filters; an empty value does not filter."""

    country: str = ""
    section: str = ""
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
    opportunities = opportunities_of(event, kind=filters.direction, type=filters.type)
    participations = participations_of(
        event,
        country=filters.country,
        kind=filters.kind,
        attendance=filters.attendance,
        offering=opportunities if filters.direction or filters.type else None,
        sector=filters.sector,
        section=filters.section,
    )
    return participations.prefetch_related(
        Prefetch("opportunities", queryset=opportunities, to_attr="shown_opportunities")
    ).order_by("organization__name", "pk")


def countries_of(event: Event, chosen: str = "") -> list[tuple[str, str]]:
    """The countries of the event's participants (and the one ``chosen``), as (code, name)
    in the reader's language, sorted by name: a filter offers what can be found, not the
    world's 249 countries."""
    named = [(code, country_name(code)) for code in country_codes_of(event) | ({chosen} - {""})]
    return sorted(named, key=lambda country: (country[1], country[0]))


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
