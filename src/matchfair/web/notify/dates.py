"""Dates and times as a reader of each language writes them, with the time zone named.

Babel's locale data chooses the forms ("Mon 18 Nov", "18. Nov.", "11月18日周一");
English follows British usage, as the reports do (``matchfair.web.languages``), because an
international event's readers are not American by default. Every time printed in a
PDF or an e-mail carries its zone, so a reader never has to guess which clock it is.
"""

from datetime import date, datetime

from babel.dates import format_date, format_skeleton, format_time, get_timezone_gmt
from django.utils import timezone, translation

from matchfair.web.languages import report_language


def babel_locale(language: str | None = None) -> str:
    """The Babel locale for a Django language code (the active one by default)."""
    code = (language or translation.get_language() or "en").lower()
    for candidate in (code, code.split("-")[0]):
        try:
            return report_language(candidate).babel
        except KeyError:
            continue
    return "en_GB"


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment)


def day(moment: datetime, language: str | None = None) -> str:
    """The weekday and date in the current time zone: "Mon 18 Nov", "11月18日周一"."""
    return format_skeleton("MMMEd", _local(moment), locale=babel_locale(language))


def clock(moment: datetime, language: str | None = None) -> str:
    """The time of day in the current time zone: "14:15"."""
    local = _local(moment)
    return format_time(local, "short", tzinfo=local.tzinfo, locale=babel_locale(language))


def day_and_clock(moment: datetime, language: str | None = None) -> str:
    """Weekday, date and time in the current time zone: "Mon 18 Nov 14:15"."""
    return f"{day(moment, language)} {clock(moment, language)}"


def calendar_date(value: date | datetime, language: str | None = None) -> str:
    """A date with its year, for what may lie in another year: "18 Nov 2024", "2024年11月18日".

    A ``datetime`` is read in the current time zone first; a ``date`` is taken as it is.
    """
    shown = _local(value).date() if isinstance(value, datetime) else value
    return format_date(shown, "medium", locale=babel_locale(language))


def stamp(moment: datetime, language: str | None = None) -> str:
    """When something was done, with its year: "18 Nov 2024 14:15"."""
    return f"{calendar_date(moment, language)} {clock(moment, language)}"


def zone_label() -> str:
    """The name of the current time zone, for a label beside times: "Asia/Shanghai"."""
    return timezone.get_current_timezone_name()


def offset(moment: datetime, language: str | None = None) -> str:
    """The zone's offset at that moment, as the locale names it: "GMT+08:00"."""
    local = _local(moment)
    return get_timezone_gmt(local, "long", locale=babel_locale(language))


def moment_with_zone(moment: datetime, language: str | None = None) -> str:
    """A date with its year, the time and the zone, for a sentence or an e-mail:
    "18 November 2024 14:15 (Asia/Shanghai)", "2024年11月18日 14:15 (Asia/Shanghai)"."""
    local = _local(moment)
    date = format_date(local, "long", locale=babel_locale(language))
    return f"{date} {clock(moment, language)} ({timezone.get_current_timezone_name()})"
