"""The catalog before the event: every participant and opportunity, filtered and searched.

Filters are plain database conditions; a search query goes through the matching
engine (meetings.partner_search), so a query in Chinese finds a German profile, and
the filters then narrow the engine's ranking without changing its order.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.partner_search import search_partners


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


def sectors_of(event: Event) -> list[str]:
    """Every sector named in the event, for the filter's choices."""
    found: set[str] = set()
    for sectors in Participation.objects.filter(event=event).values_list("sectors", flat=True):
        found.update(sectors or [])
    for sectors in Opportunity.objects.filter(event=event).values_list("sectors", flat=True):
        found.update(sectors or [])
    return sorted(found)


def catalog(
    event: Event, filters: Filters, query: str = "", *, viewer: Participation | None = None
) -> list[CatalogEntry]:
    """The catalog page: by name, or ranked by the engine when a query is given.

    A search leaves out the ``viewer``'s own organization: its texts, in its own
    language, would otherwise top every search it makes.
    """
    participations = {p.pk: p for p in filtered(event, filters)}
    if not query:
        return [
            CatalogEntry(p, opportunities=p.shown_opportunities) for p in participations.values()
        ]
    own = viewer.pk if viewer is not None else None
    return [
        CatalogEntry(
            participations[hit.participation.pk],
            score=hit.score,
            matched=hit.matched,
            opportunities=participations[hit.participation.pk].shown_opportunities,
        )
        for hit in search_partners(event, query)
        if hit.participation.pk in participations and hit.participation.pk != own
    ]
