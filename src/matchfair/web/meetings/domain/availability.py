"""When an organization or an interpreter can meet: the rules every way in shares.

The event file's rule (a window ends after it starts) is the core's; this module adds
what only the event's rows know: a window must touch one of the event's sessions (a
window on another day is a typing error, and the scheduler would silently ignore it),
and a published meeting must stay inside the windows (its people were told the time).
The pages, the spreadsheet import and the API call these, so each refuses with the
same words, naming the window or the meeting at fault.
"""

from datetime import datetime

from django.core.exceptions import ValidationError as FieldError
from django.utils.translation import gettext as _

from matchfair import core
from matchfair.web import dates
from matchfair.web.directory.validation import validate_availability
from matchfair.web.events.models import Event, Session
from matchfair.web.meetings.models import Meeting

Stored = list[dict[str, str]] | None
"""Windows as a JSON field keeps them: ISO 8601 strings with their offsets."""


def _moment(value: datetime) -> str:
    return f"{dates.day_and_clock(value)} ({dates.zone_label()})"


def window_errors(*, event: Event, availability: Stored) -> list[str]:
    """Why these windows cannot be stored for ``event``, window by window ([] when fine)."""
    try:
        windows = validate_availability(availability)
    except FieldError as error:
        return list(error.messages)
    if windows is None:
        return []
    sessions = list(Session.objects.filter(event=event).values_list("start", "end"))
    return [
        _("%(start)s to %(end)s lies outside the event's sessions.")
        % {"start": _moment(window.start), "end": _moment(window.end)}
        for window in windows
        if not any(window.start < end and start < window.end for start, end in sessions)
    ]


def outside(windows: list[core.Window] | None, meetings: list[Meeting]) -> list[Meeting]:
    """The meetings that do not lie wholly inside one of ``windows``."""
    return [
        meeting
        for meeting in meetings
        if not core.window_contains(windows, core.Slot("", 0, meeting.start, meeting.end))
    ]


def published_left_outside(meetings: list[Meeting], names: dict[int, str]) -> list[str]:
    """One refusal per published meeting the new windows would leave outside, naming its
    time and ``names[meeting.pk]`` (the partners, or the two sides for an interpreter)."""
    return [
        _("The published meeting with %(partner)s at %(moment)s lies outside these times.")
        % {"partner": names[meeting.pk], "moment": _moment(meeting.start)}
        for meeting in meetings
        if meeting.published
    ]


def slot_windows(slots: list[core.Slot]) -> Stored:
    """Chosen slots as stored windows: slots that follow each other in a session make one
    window, from the first one's start to the last one's end."""
    windows: list[dict[str, str]] = []
    previous: core.Slot | None = None
    for slot in sorted(slots):
        joined = previous and previous.session == slot.session and previous.index + 1 == slot.index
        if joined:
            windows[-1]["end"] = slot.end.isoformat()
        else:
            windows.append({"start": slot.start.isoformat(), "end": slot.end.isoformat()})
        previous = slot
    return windows
