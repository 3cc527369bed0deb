"""The key figures of an event as sentences an organizer can paste into a press release.

Each sentence carries one count, so that gettext can pluralise it correctly in every
language (Chinese has one form, French treats 0 and 1 alike, German does not);
sentences whose figure is zero are left out, as a press release would.
"""

from decimal import Decimal

from babel.lists import format_list
from django.utils.translation import ngettext

from matchfair.outcomes import ConvertedTotal, EventFigures
from matchfair.web.reports.formatting import day_span, number, sentence_money
from matchfair.web.reports.languages import ReportLanguage


def _investment_words(
    by_currency: dict[str, Decimal], total: ConvertedTotal | None, language: ReportLanguage
) -> str:
    if total is not None:
        return sentence_money(total.amount, total.currency, language)
    parts = [sentence_money(amount, currency, language) for currency, amount in by_currency.items()]
    return format_list(parts, locale=language.babel)


def press_sentences(
    figures: EventFigures, total: ConvertedTotal | None, language: ReportLanguage
) -> list[str]:
    """The figures in words, in the active language, numbers formatted for ``language``."""
    locale = language.babel
    dates = day_span(figures.first_day, figures.last_day, locale)
    sentences = [
        ngettext(
            "{count} organization took part in {event} ({dates}).",
            "{count} organizations took part in {event} ({dates}).",
            figures.organizations,
        ).format(count=number(figures.organizations, locale), event=figures.event_name, dates=dates)
    ]
    if figures.countries:
        sentences.append(
            ngettext(
                "The participants came from {count} country.",
                "The participants came from {count} countries.",
                figures.countries,
            ).format(count=number(figures.countries, locale))
        )
    if figures.meetings_held:
        sentences.append(
            ngettext(
                "They held {count} one-on-one business meeting.",
                "They held {count} one-on-one business meetings.",
                figures.meetings_held,
            ).format(count=number(figures.meetings_held, locale))
        )
    promising = next(stage.count for stage in figures.funnel if stage.stage == "intention")
    if promising:
        sentences.append(
            ngettext(
                "{count} meeting resulted in a potential cooperation agreement.",
                "{count} meetings resulted in potential cooperation agreements.",
                promising,
            ).format(count=number(promising, locale))
        )
    concluded = figures.agreements - figures.agreements_by_status["cancelled"]
    if concluded and figures.investment_by_currency:
        sentences.append(
            ngettext(
                "{count} cooperation agreement was concluded, with a planned investment of {investment}.",
                "{count} cooperation agreements were concluded, with a planned total investment of {investment}.",
                concluded,
            ).format(
                count=number(concluded, locale),
                investment=_investment_words(figures.investment_by_currency, total, language),
            )
        )
    elif concluded:
        sentences.append(
            ngettext(
                "{count} cooperation agreement was concluded.",
                "{count} cooperation agreements were concluded.",
                concluded,
            ).format(count=number(concluded, locale))
        )
    if figures.agreements_signed:
        sentences.append(
            ngettext(
                "{count} agreement has been signed.",
                "{count} agreements have been signed.",
                figures.agreements_signed,
            ).format(count=number(figures.agreements_signed, locale))
        )
    implemented = figures.agreements_by_status["implemented"]
    if implemented:
        sentences.append(
            ngettext(
                "{count} project has already been implemented, for example with a branch set up.",
                "{count} projects have already been implemented, for example with branches set up.",
                implemented,
            ).format(count=number(implemented, locale))
        )
    return sentences
