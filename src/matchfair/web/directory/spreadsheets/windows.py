"""Availability as a spreadsheet cell: "2024-11-18 14:00-15:00; 2024-11-19 09:00-10:00".

Each window is a date, a start and an end time (or a second date and time for one that
runs past midnight), in the event's time zone like every time in the workbook;
windows are separated by semicolons or line breaks. An empty cell means every session.
The workbook export writes the same text, so an exported sheet imports again.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

WINDOW = re.compile(
    r"^(?P<day>\d{4}-\d{2}-\d{2})\s+(?P<start>\d{1,2}:\d{2})\s*[-–]\s*"
    r"(?:(?P<end_day>\d{4}-\d{2}-\d{2})\s+)?(?P<end>\d{1,2}:\d{2})$"
)
SEPARATOR = re.compile(r"\s*[;\n]\s*")
EXAMPLE = "2024-11-18 14:00-15:00; 2024-11-19 09:00-10:00"


def _moment(day: str, clock: str, zone: ZoneInfo) -> datetime:
    return datetime.strptime(f"{day} {clock}", "%Y-%m-%d %H:%M").replace(tzinfo=zone)


def parse_windows(text: str, zone: ZoneInfo) -> list[dict[str, str]] | None:
    """The cell's windows as stored (ISO strings with the zone's offset); None when empty.

    Raises ``ValueError`` with a message naming the window that cannot be read; whether
    each ends after it starts is the core's rule, checked with the organization.
    """
    parts = [part for part in SEPARATOR.split(text.strip()) if part]
    if not parts:
        return None
    windows = []
    for part in parts:
        found = WINDOW.match(part)
        try:
            if found is None:
                raise ValueError(part)
            start = _moment(found["day"], found["start"], zone)
            end = _moment(found["end_day"] or found["day"], found["end"], zone)
        except ValueError:
            raise ValueError(
                _("“%(window)s” is not a window like %(example)s")
                % {"window": part, "example": EXAMPLE}
            ) from None
        windows.append({"start": start.isoformat(), "end": end.isoformat()})
    return windows


def format_windows(stored: list[dict[str, str]] | None, zone: ZoneInfo) -> str:
    """Stored windows as the cell's text in ``zone``; "" for every session."""
    if stored is None:
        return ""
    parts = []
    for window in stored:
        start = datetime.fromisoformat(window["start"]).astimezone(zone)
        end = datetime.fromisoformat(window["end"]).astimezone(zone)
        end_text = end.strftime("%H:%M" if end.date() == start.date() else "%Y-%m-%d %H:%M")
        parts.append(f"{start:%Y-%m-%d %H:%M}-{end_text}")
    return "; ".join(parts)
