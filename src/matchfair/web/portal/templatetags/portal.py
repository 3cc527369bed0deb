"""Names and numbers for the reader's language: countries, languages, percentages."""

from babel.numbers import format_percent
from django import template
from django.utils import translation

from matchfair.web.portal.languages import country_name as _country_name
from matchfair.web.portal.languages import language_name

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    return _country_name(code)


@register.filter
def language_names(codes: list[str]) -> str:
    return ", ".join(language_name(code) for code in codes or [])


@register.filter
def percent(value: float) -> str:
    """0.734 as "73 %" in French, "73%" in English."""
    locale = (translation.get_language() or "en").replace("-", "_")
    locale = "zh_Hans" if locale.lower() == "zh_hans" else locale
    return format_percent(value, locale=locale)
