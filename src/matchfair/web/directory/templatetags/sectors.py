"""NACE sections on pages: ``{% load sectors %}``, ``{{ participation.nace|section_names }}``.

The names come from the core's list in the reader's language (every request runs in
``matchfair.i18n.use_language``), so organizer, portal and report pages show the same
words as the forms' checkboxes.
"""

from django import template

from matchfair.core import SECTION_CODES, section_name

register = template.Library()


@register.filter
def section_names(codes: list[str] | None) -> list[str]:
    """Each section letter as ``"D · <name in the reader's language>"``; unknown letters as they are."""
    return [
        f"{code} · {section_name(code)}" if code in SECTION_CODES else code for code in codes or []
    ]


@register.filter
def section_label(code: str) -> str:
    """One section letter as ``"D · <name>"`` (a filter's option, a report's row)."""
    return section_names([code])[0] if code else ""
