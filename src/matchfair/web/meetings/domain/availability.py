"""When an organization or an interpreter can meet, against the event's meetings.

Whether windows fit the event's sessions is ``directory.availability.window_errors``
(the spreadsheet import, below this app, asks it too); this module adds what only the
meetings know: a published meeting must stay inside the windows (its people were told
the time), and drafts outside are found to be dropped or unassigned. Pages and the API
refuse with the same words, naming the meeting at fault.
"""

from django.utils.translation import gettext as _

from matchfair import core
from matchfair.web.directory.availability import moment
from matchfair.web.meetings.models import Meeting


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
        % {"partner": names[meeting.pk], "moment": moment(meeting.start)}
        for meeting in meetings
        if meeting.published
    ]


def slot_windows(slots: list[core.Slot]) -> list[dict[str, str]]:
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
