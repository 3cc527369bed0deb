"""Everything the event report template shows, computed and formatted before rendering.

The template only lays out; numbers, words and charts are prepared here in the
report's language, so that the HTML page, the PDF and the dashboard pages that
include the same partial templates show exactly the same text.
"""

from dataclasses import dataclass
from decimal import Decimal

from babel.lists import format_list
from django.utils.translation import gettext as _

from matchfair.core import SECTION_CODES, Agreement, Event, section_name
from matchfair.i18n import use_language
from matchfair.outcomes import (
    EventFigures,
    RateTable,
    event_figures,
    investment_total,
)
from matchfair.web.languages import ReportLanguage
from matchfair.web.reports import labels
from matchfair.web.reports.charts import Bar, Chart, bar_chart
from matchfair.web.reports.formatting import country_name, day, day_span, money, number
from matchfair.web.reports.sentences import press_sentences


@dataclass(frozen=True)
class AgreementRow:
    """One line of the table of agreements, every cell already in the report's language."""

    title: str
    parties: list[str]
    type: str
    status: str
    value: str
    date: str


@dataclass(frozen=True)
class AmountRow:
    """An investment sum in one currency."""

    label: str
    amount: str


@dataclass(frozen=True)
class CountRow:
    """A count under its label, both in the report's language."""

    label: str
    count: str


@dataclass(frozen=True)
class EventReport:
    """The content of an event report in one language."""

    language: ReportLanguage
    event_name: str
    dates: str
    sentences: list[str]
    meetings: list[CountRow]
    charts: list[Chart]
    agreements: list[AgreementRow]
    investment: list[AmountRow]
    total: AmountRow | None
    rates_note: str | None


def _count_bars(counts: dict[str, int], names: dict[str, str], locale: str) -> list[Bar]:
    return [
        Bar(label=names.get(key, key), value=count, display=number(count, locale))
        for key, count in counts.items()
    ]


def _section_names(codes: dict[str, int], language: ReportLanguage) -> dict[str, str]:
    """Each section as ``"D · <name>"`` in the report's language (the core's catalog)."""
    with use_language(language.django):
        return {code: f"{code} · {section_name(code)}" for code in codes if code in SECTION_CODES}


def _charts(figures: EventFigures, language: ReportLanguage) -> list[Chart]:
    locale = language.babel
    countries = {
        code: str(labels.UNSPECIFIED_COUNTRY)
        if code == "unspecified"
        else country_name(code, locale)
        for code in figures.by_country
    }
    charts = [
        bar_chart(_("Participants by country"), _count_bars(figures.by_country, countries, locale)),
        bar_chart(
            _("Participants by kind"),
            _count_bars(figures.by_kind, _names(labels.ORGANIZATION_KINDS), locale),
        ),
        bar_chart(
            _("Participants by sector (NACE section)"),
            _count_bars(figures.by_section, _section_names(figures.by_section, language), locale),
        ),
        bar_chart(
            _("From meeting requests to agreements"),
            _count_bars(
                {stage.stage: stage.count for stage in figures.funnel},
                _names(labels.FUNNEL_STAGES),
                locale,
            ),
        ),
        bar_chart(
            _("Meetings held by result"),
            _count_bars(figures.outcomes_by_result, _names(labels.MEETING_RESULTS), locale),
        ),
        bar_chart(
            _("Agreements by status"),
            _count_bars(figures.agreements_by_status, _names(labels.AGREEMENT_STATUSES), locale),
        ),
        bar_chart(
            _("Agreements by type"),
            _count_bars(figures.agreements_by_type, _names(labels.AGREEMENT_TYPES), locale),
        ),
    ]
    return [chart for chart in charts if chart is not None]


def _meeting_rows(figures: EventFigures, locale: str) -> list[CountRow]:
    """Held, no-show and cancelled meetings, from the outcomes' statuses; none before the day."""
    counts = {
        "held": figures.meetings_held,
        "no-show": figures.meetings_no_show,
        "cancelled": figures.meetings_cancelled,
    }
    if not any(counts.values()):
        return []
    return [
        CountRow(label=str(labels.MEETING_STATUSES[status]), count=number(count, locale))
        for status, count in counts.items()
    ]


def _names(vocabulary: dict[str, object]) -> dict[str, str]:
    return {key: str(label) for key, label in vocabulary.items()}


def _agreement_row(agreement: Agreement, event: Event, locale: str) -> AgreementRow:
    names = {organization.id: organization.name for organization in event.organizations}
    return AgreementRow(
        title=agreement.title,
        parties=[names[party] for party in agreement.parties],
        type=str(labels.AGREEMENT_TYPES[agreement.type]),
        status=str(labels.AGREEMENT_STATUSES[agreement.status]),
        value=money(agreement.value.amount, agreement.value.currency, locale)
        if agreement.value
        else "",
        date=day(agreement.date, locale) if agreement.date else "",
    )


def _rates_note(rates: RateTable, locale: str) -> str:
    listed = format_list(
        [
            _("1 {currency} = {rate} {base}").format(
                currency=currency, rate=number(rate, locale), base=rates.base
            )
            for currency, rate in sorted(rates.rates.items())
        ],
        locale=locale,
    )
    if rates.date is not None:
        return _("Totals use the organizer's exchange rates of {date}: {rates}.").format(
            date=day(rates.date, locale), rates=listed
        )
    return _("Totals use the organizer's exchange rates: {rates}.").format(rates=listed)


def event_report(event: Event, language: ReportLanguage, rates: RateTable | None) -> EventReport:
    """Prepare an event's report; call it with ``language`` active (translation.override)."""
    locale = language.babel
    figures = event_figures(event)
    total = investment_total(figures, rates)
    agreements = event.outcomes.agreements if event.outcomes else []
    amounts: dict[str, Decimal] = figures.investment_by_currency
    return EventReport(
        language=language,
        event_name=figures.event_name,
        dates=day_span(figures.first_day, figures.last_day, locale),
        sentences=press_sentences(figures, total, language),
        meetings=_meeting_rows(figures, locale),
        charts=_charts(figures, language),
        agreements=[_agreement_row(agreement, event, locale) for agreement in agreements],
        investment=[
            AmountRow(label=currency, amount=money(amount, currency, locale))
            for currency, amount in amounts.items()
        ],
        total=AmountRow(label=total.currency, amount=money(total.amount, total.currency, locale))
        if total is not None
        else None,
        rates_note=_rates_note(rates, locale) if rates is not None and amounts else None,
    )
