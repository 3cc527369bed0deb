"""Template filters for dates and times on pages, as the reader's language writes them.

The same Babel forms as the PDFs and e-mails (``notify.dates``), in the current time
zone: "Tue 1 Dec" and "09:30" in English rather than "12/01/2026 9:30 a.m.".
"""

from datetime import datetime

from django import template

from matchfair.web.notify import dates

register = template.Library()


@register.filter
def reader_day(moment: datetime) -> str:
    return dates.day(moment)


@register.filter
def reader_time(moment: datetime) -> str:
    return dates.clock(moment)
