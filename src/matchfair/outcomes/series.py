"""Figures of a series of events added up across its editions.

Press releases quote cumulative figures ("over 29,000 business meetings and 3,100
intention agreements in 14 years"). They are sums over the editions, with one
exception: organizations are counted both as participations (an organization at
three editions counts three times, as organizers usually count) and as distinct
organizations, matched by their id, so that neither figure can be mistaken for the
other.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from matchfair.outcomes.figures import EventFigures
from matchfair.outcomes.history import OrganizationRecord


@dataclass(frozen=True)
class EditionRecord:
    """One organization's record at one edition of the series."""

    event_id: str
    event_name: str
    record: OrganizationRecord


@dataclass(frozen=True)
class OrganizationHistory:
    """One organization across the editions it took part in, oldest first."""

    organization: str
    name: str
    country: str | None
    editions: list[EditionRecord]


@dataclass(frozen=True)
class SeriesFigures:
    """The editions of a series, oldest first, and their cumulative figures."""

    editions: list[EventFigures]
    participations: int
    distinct_organizations: int
    countries: int
    meetings_requested: int
    meetings_scheduled: int
    meetings_held: int
    outcomes_by_result: dict[str, int]
    agreements: int
    agreements_by_status: dict[str, int]
    investment_by_currency: dict[str, Decimal]
    histories: list[OrganizationHistory]


def _sum_counts(counts: list[dict[str, int]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for count in counts:
        total.update(count)
    keys = list(dict.fromkeys(key for count in counts for key in count))
    return {key: total[key] for key in keys}


def _histories(editions: list[EventFigures]) -> list[OrganizationHistory]:
    by_organization: dict[str, list[EditionRecord]] = {}
    for figures in editions:
        for record in figures.organization_records:
            by_organization.setdefault(record.organization, []).append(
                EditionRecord(figures.event_id, figures.event_name, record)
            )
    histories = []
    for organization, records in by_organization.items():
        latest = records[-1].record
        histories.append(OrganizationHistory(organization, latest.name, latest.country, records))
    return sorted(histories, key=lambda history: (-len(history.editions), history.name))


def series_figures(editions: list[EventFigures]) -> SeriesFigures:
    """Add up the figures of a series' editions (sorted here by their first day)."""
    ordered = sorted(editions, key=lambda figures: (figures.first_day, figures.event_id))
    investment: dict[str, Decimal] = {}
    for figures in ordered:
        for currency, amount in figures.investment_by_currency.items():
            investment[currency] = investment.get(currency, Decimal(0)) + amount
    records = [record for figures in ordered for record in figures.organization_records]
    return SeriesFigures(
        editions=ordered,
        participations=sum(figures.organizations for figures in ordered),
        distinct_organizations=len({record.organization for record in records}),
        countries=len({record.country for record in records if record.country}),
        meetings_requested=sum(figures.meetings_requested for figures in ordered),
        meetings_scheduled=sum(figures.meetings_scheduled for figures in ordered),
        meetings_held=sum(figures.meetings_held for figures in ordered),
        outcomes_by_result=_sum_counts([figures.outcomes_by_result for figures in ordered]),
        agreements=sum(figures.agreements for figures in ordered),
        agreements_by_status=_sum_counts([figures.agreements_by_status for figures in ordered]),
        investment_by_currency=dict(sorted(investment.items())),
        histories=_histories(ordered),
    )
