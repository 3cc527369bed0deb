"""The key figures of an event as sentences an organizer can paste into a press release.

Each sentence carries one count, so that gettext can pluralise it correctly in every
language (Chinese has one form, French treats 0 and 1 alike, German does not);
sentences whose figure is zero are left out, as a press release would.
"""

from decimal import Decimal
from typing import Protocol

from babel.lists import format_list
from django.utils.translation import gettext, ngettext

from matchfair.outcomes import ConvertedTotal, EventFigures, SeriesFigures
from matchfair.web.languages import ReportLanguage
from matchfair.web.reports.formatting import day_span, number, sentence_money


def _investment_words(
    by_currency: dict[str, Decimal], total: ConvertedTotal | None, language: ReportLanguage
) -> str:
    if total is not None:
        return sentence_money(total.amount, total.currency, language)
    parts = [sentence_money(amount, currency, language) for currency, amount in by_currency.items()]
    return format_list(parts, locale=language.babel)


class OutcomeTotals(Protocol):
    """What an event and a series both have: the figures of what their meetings led to."""

    meetings_held: int
    outcomes_by_result: dict[str, int]
    agreements_by_status: dict[str, int]
    investment_by_currency: dict[str, Decimal]


def press_sentences(
    figures: EventFigures, total: ConvertedTotal | None, language: ReportLanguage
) -> list[str]:
    """An event's figures in words, in the active language, numbers formatted for ``language``."""
    locale = language.babel
    dates = day_span(figures.first_day, figures.last_day, locale)
    sentences = [
        ngettext(
            "{count} organization took part in {event} ({dates}).",
            "{count} organizations took part in {event} ({dates}).",
            figures.organizations,
        ).format(count=number(figures.organizations, locale), event=figures.event_name, dates=dates)
    ]
    return (
        sentences
        + _countries(figures.countries, locale)
        + outcome_sentences(figures, total, language)
    )


def series_sentences(
    name: str, figures: SeriesFigures, total: ConvertedTotal | None, language: ReportLanguage
) -> list[str]:
    """A series' cumulative figures in words ("5 editions have been held since 2020...")."""
    locale = language.babel
    editions = len(figures.editions)
    if not editions:
        return []
    sentences = [
        ngettext(
            "{count} edition of {series} has been held since {year}.",
            "{count} editions of {series} have been held since {year}.",
            editions,
        ).format(
            count=number(editions, locale),
            series=name,
            year=figures.editions[0].first_day.year,
        ),
        ngettext(
            "{count} organization took part in them.",
            "{count} organizations took part in them.",
            figures.distinct_organizations,
        ).format(count=number(figures.distinct_organizations, locale)),
    ]
    return (
        sentences
        + _countries(figures.countries, locale)
        + outcome_sentences(figures, total, language)
    )


def _countries(countries: int, locale: str) -> list[str]:
    if not countries:
        return []
    return [
        ngettext(
            "The participants came from {count} country.",
            "The participants came from {count} countries.",
            countries,
        ).format(count=number(countries, locale))
    ]


def outcome_sentences(
    figures: OutcomeTotals, total: ConvertedTotal | None, language: ReportLanguage
) -> list[str]:
    """Meetings held, potential agreements, agreements concluded (signed), intended and implemented."""
    locale = language.babel
    sentences = []
    if figures.meetings_held:
        sentences.append(
            ngettext(
                "They held {count} one-on-one business meeting.",
                "They held {count} one-on-one business meetings.",
                figures.meetings_held,
            ).format(count=number(figures.meetings_held, locale))
        )
    results = figures.outcomes_by_result
    promising = results.get("intention", 0) + results.get("agreement", 0)
    if promising:
        sentences.append(
            ngettext(
                "{count} meeting resulted in a potential cooperation agreement.",
                "{count} meetings resulted in potential cooperation agreements.",
                promising,
            ).format(count=number(promising, locale))
        )
    statuses = figures.agreements_by_status
    # Only a signed agreement is concluded (an implemented one was signed first); an
    # intention is reported as what it is, never counted among the concluded ones.
    concluded = statuses.get("signed", 0) + statuses.get("implemented", 0)
    if concluded:
        sentences.append(
            ngettext(
                "{count} cooperation agreement was concluded.",
                "{count} cooperation agreements were concluded.",
                concluded,
            ).format(count=number(concluded, locale))
        )
    intentions = statuses.get("intention", 0)
    if intentions:
        sentences.append(
            ngettext(
                "{count} agreement is a declared intention, not signed yet.",
                "{count} agreements are declared intentions, not signed yet.",
                intentions,
            ).format(count=number(intentions, locale))
        )
    if (concluded or intentions) and figures.investment_by_currency:
        sentences.append(
            gettext(
                "The agreements signed or intended plan a total investment of {investment}."
            ).format(investment=_investment_words(figures.investment_by_currency, total, language))
        )
    implemented = statuses.get("implemented", 0)
    if implemented:
        sentences.append(
            ngettext(
                "{count} project has already been implemented, for example with a branch set up.",
                "{count} projects have already been implemented, for example with branches set up.",
                implemented,
            ).format(count=number(implemented, locale))
        )
    return sentences
