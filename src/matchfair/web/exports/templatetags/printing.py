"""Template filters of the printed documents."""

from datetime import datetime

from django import template
from django.utils.html import format_html

from matchfair.web import dates
from matchfair.web.exports.scripts import script_language

register = template.Library()


@register.filter
def tagged_name(text: str) -> str:
    """The text in a span with the language its script needs (for CJK glyph forms)."""
    language = script_language(text)
    if not language:
        return format_html("{}", text)
    return format_html('<span lang="{}">{}</span>', language, text)


@register.filter
def print_offset(moment: datetime) -> str:
    """The current zone's offset at that moment ("GMT+08:00"), so each time names its clock."""
    return dates.offset(moment)
