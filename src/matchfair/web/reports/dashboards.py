"""The dashboards of the web platform: one event, and a series across its editions.

Their figures come from the same place as the command line's: the event is exported
from the database with the web platform's exchange module and handed to
``matchfair.outcomes``, so the page, the PDF and ``matchfair report`` agree.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from matchfair.outcomes import (
    EventFigures,
    MissingRateError,
    OrganizationHistory,
    RateTable,
    SeriesFigures,
    convert_total,
    event_figures,
    series_figures,
)
from matchfair.web.events.models import Event, Series
from matchfair.web.exchange.from_database import export_event
from matchfair.web.exchange.outcomes import rate_table_for, series_rate_table
from matchfair.web.languages import ReportLanguage
from matchfair.web.reports import labels
from matchfair.web.reports.charts import Bar, Chart, bar_chart
from matchfair.web.reports.event_report import EventReport, event_report
from matchfair.web.reports.formatting import day_span, money, number
from matchfair.web.reports.sentences import series_sentences


@dataclass(frozen=True)
class FunnelCard:
    """A stage of the funnel as a figure on the dashboard."""

    label: str
    count: str


@dataclass(frozen=True)
class StatusInvestment:
    """The sums of the agreements in one status, per currency."""

    status: str
    amounts: list[str]


@dataclass(frozen=True)
class EventDashboard:
    """An event's report as the organizer sees it on the page, with any problem of its rates."""

    report: EventReport
    figures: EventFigures
    funnel: list[FunnelCard]
    investment_by_status: list[StatusInvestment]
    rates_problem: str | None


@dataclass(frozen=True)
class UsableRates:
    """The organizer's rates when they convert every currency; otherwise none, and why."""

    rates: RateTable | None
    problem: str | None


def usable_rates(rates: RateTable | None, amounts: dict[str, Decimal]) -> UsableRates:
    """Rates to use for a total: a table missing a currency is reported, not raised, on a page."""
    if rates is None:
        return UsableRates(None, None)
    try:
        convert_total(amounts, rates)
    except MissingRateError as error:
        problem = _("No total: the exchange-rate table has no rate to {base} for {currencies}.")
        return UsableRates(
            None, problem.format(base=error.base, currencies=", ".join(error.currencies))
        )
    return UsableRates(rates, None)


def event_dashboard(event: Event, language: ReportLanguage) -> EventDashboard:
    """The figures, sentences, charts and agreements of a stored event."""
    document = export_event(event)
    figures = event_figures(document)
    usable = usable_rates(rate_table_for(event), figures.investment_by_currency)
    stages = {key: str(label) for key, label in labels.FUNNEL_STAGES.items()}
    return EventDashboard(
        report=event_report(document, language, usable.rates),
        figures=figures,
        funnel=[
            FunnelCard(label=stages[stage.stage], count=number(stage.count, language.babel))
            for stage in figures.funnel
        ],
        investment_by_status=[
            StatusInvestment(
                status=str(labels.AGREEMENT_STATUSES[status]),
                amounts=[
                    money(amount, currency, language.babel) for currency, amount in sums.items()
                ],
            )
            for status, sums in figures.investment_by_status.items()
            if sums
        ],
        rates_problem=usable.problem,
    )


@dataclass(frozen=True)
class EditionRow:
    """One edition in the series table."""

    event: Event
    dates: str
    organizations: str
    meetings_held: str
    agreements: str
    investment: list[str]


@dataclass(frozen=True)
class HistoryRow:
    """One organization's path through the editions: where it met, what it signed."""

    history: OrganizationHistory
    editions: list[str]
    meetings_held: str
    agreements: str


@dataclass(frozen=True)
class SeriesDashboard:
    """A series' cumulative figures, its editions and the histories of its organizations."""

    series: Series
    figures: SeriesFigures
    sentences: list[str]
    charts: list[Chart]
    editions: list[EditionRow]
    histories: list[HistoryRow]
    total: str | None
    rates_problem: str | None


def _edition_charts(figures: SeriesFigures, locale: str) -> list[Chart]:
    def bars(values: list[int]) -> list[Bar]:
        return [
            Bar(label=edition.event_name, value=value, display=number(value, locale))
            for edition, value in zip(figures.editions, values, strict=True)
        ]

    charts = [
        bar_chart(_("Participants by edition"), bars([e.organizations for e in figures.editions])),
        bar_chart(_("Meetings held by edition"), bars([e.meetings_held for e in figures.editions])),
        bar_chart(
            _("Agreements not cancelled by edition"),
            bars([e.agreements - e.agreements_by_status["cancelled"] for e in figures.editions]),
        ),
    ]
    return [chart for chart in charts if chart is not None]


def series_dashboard(series: Series, language: ReportLanguage) -> SeriesDashboard:
    """Every edition of the series exported, added up, and laid out for the page."""
    locale = language.babel
    stored = {event: event_figures(export_event(event)) for event in series.editions.all()}
    by_figures = {id(figures): event for event, figures in stored.items()}
    figures = series_figures(list(stored.values()))
    usable = usable_rates(series_rate_table(series), figures.investment_by_currency)
    total = convert_total(figures.investment_by_currency, usable.rates) if usable.rates else None
    return SeriesDashboard(
        series=series,
        figures=figures,
        sentences=series_sentences(series.name, figures, total, language),
        charts=_edition_charts(figures, locale),
        editions=[
            EditionRow(
                event=by_figures[id(edition)],
                dates=day_span(edition.first_day, edition.last_day, locale),
                organizations=number(edition.organizations, locale),
                meetings_held=number(edition.meetings_held, locale),
                agreements=number(edition.agreements, locale),
                investment=[
                    money(amount, currency, locale)
                    for currency, amount in edition.investment_by_currency.items()
                ],
            )
            for edition in figures.editions
        ],
        histories=[
            HistoryRow(
                history=history,
                editions=[record.event_name for record in history.editions],
                meetings_held=number(
                    sum(record.record.meetings_held for record in history.editions), locale
                ),
                agreements=number(
                    sum(len(record.record.agreements) for record in history.editions), locale
                ),
            )
            for history in figures.histories
        ],
        total=money(total.amount, total.currency, locale) if total else None,
        rates_problem=usable.problem,
    )
