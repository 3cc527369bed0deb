"""Template filters for dates and times on pages, as the reader's language writes them.

The same Babel forms as the PDFs and e-mails (``web.dates``), in the current time
zone: "Tue 1 Dec" and "09:30" in English rather than "12/01/2026 9:30 a.m.".
``reader_day``/``reader_time``/``reader_moment``: times of the event (no year needed);
``reader_date``/``reader_stamp``: dates and moments that may lie in another year;
``reader_zone``: the zone's name, for a label where a reader could take it for theirs.
"""

from datetime import date, datetime

from django import template

from matchfair.web import dates

register = template.Library()


@register.filter
def reader_day(moment: datetime) -> str:
    return dates.day(moment)


@register.filter
def reader_time(moment: datetime) -> str:
    return dates.clock(moment)


@register.filter
def reader_moment(moment: datetime) -> str:
    return dates.day_and_clock(moment)


@register.filter
def reader_date(value: date | datetime) -> str:
    return dates.calendar_date(value)


@register.filter
def reader_stamp(moment: datetime) -> str:
    return dates.stamp(moment)


@register.simple_tag
def reader_zone() -> str:
    return dates.zone_label()


@register.filter
def reader_moment_zone(moment: datetime) -> str:
    """A moment in a sentence, with its year and zone: a deadline read by someone elsewhere."""
    return dates.moment_with_zone(moment)
