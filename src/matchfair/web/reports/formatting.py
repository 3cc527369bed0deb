"""Numbers, money, dates and country names written the way a reader of each locale expects.

Babel's locale data does the work (``29,000`` / ``29.000`` / ``29 000``); these
helpers only choose the forms a press release uses: whole amounts in tables, and
rounded amounts in words ("21.75 billion Chinese yuan", "217.5亿人民币") in sentences.
"""

from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_interval
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_currency,
    format_decimal,
    get_currency_name,
)
from django.utils.translation import gettext as _

from matchfair.web.languages import ReportLanguage


def number(value: int | Decimal, locale: str) -> str:
    """A count or amount with the locale's digit grouping."""
    return format_decimal(value, locale=locale)


def money(amount: Decimal, currency: str, locale: str) -> str:
    """An exact amount with its currency sign, as in a table of agreements."""
    return format_currency(amount, currency, locale=locale)


def sentence_money(amount: Decimal, currency: str, language: ReportLanguage) -> str:
    """A rounded amount for a sentence: "21.77 billion Chinese yuan" rather than "CN¥21,766,500,000.50"."""
    locale = language.babel
    if not language.amounts_in_words:
        return format_compact_currency(amount, currency, locale=locale, fraction_digits=2)
    formats = Locale.parse(locale).compact_decimal_formats
    style = "long" if "long" in formats else "short"
    rounded = format_compact_decimal(amount, format_type=style, locale=locale, fraction_digits=2)
    name = get_currency_name(currency, count=amount, locale=locale)
    # Translators: an amount of money in a sentence; {amount} is "21.77 billion", {currency} "Chinese yuan".
    return _("{amount} {currency}").format(amount=rounded, currency=name)


def day_span(first: date, last: date, locale: str) -> str:
    """One day ("18 November 2024") or a span ("18–20 Nov 2024")."""
    if first == last:
        return format_date(first, "long", locale=locale)
    return format_interval(first, last, "yMMMd", locale=locale)


def day(value: date, locale: str) -> str:
    """A date in a table."""
    return format_date(value, "medium", locale=locale)


def country_name(code: str, locale: str) -> str:
    """The country's name in the report's language (the code itself if Babel has no name)."""
    return Locale.parse(locale).territories.get(code, code)
