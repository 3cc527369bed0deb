"""Names and numbers for the reader's language: countries, languages, percentages, choices."""

from functools import cache

from babel.numbers import format_percent
from django import template
from django.db import models
from django.utils import translation

from matchfair.web.directory.languages import country_name as _country_name
from matchfair.web.directory.languages import language_name

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


@cache
def _choices(field: models.Field) -> dict[object, str]:
    return dict(field.flatchoices)


@register.filter
def label(instance: models.Model, field_name: str) -> str:
    """The label of a choice, as ``get_FOO_display`` gives it, for lists of many rows.

    ``get_FOO_display`` translates every choice of the field to look one up (it hashes
    the lazy labels); this translates the one shown. The choices themselves are fixed
    in the code, so they are read once per process.
    """
    value = getattr(instance, field_name)
    return str(_choices(instance._meta.get_field(field_name)).get(value, value))
