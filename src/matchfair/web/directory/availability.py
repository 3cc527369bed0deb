"""Whether availability windows fit an event: the rule every way in shares.

The event file's rule (a window ends after it starts) is the core's; a window must also
touch one of the event's sessions, since a window on another day is a typing error the
scheduler would silently ignore. The pages, the API (``meetings.domain``) and the
spreadsheet import (``directory.spreadsheets``) all ask here, so each refuses with the
same words, naming the window.
"""

from datetime import datetime

from django.core.exceptions import ValidationError as FieldError
from django.utils.translation import gettext as _

from matchfair.web import dates
from matchfair.web.directory.validation import validate_availability
from matchfair.web.events.models import Event, Session


def moment(value: datetime) -> str:
    """A time with its zone, as a refusal names it: "Mon 18 Nov 14:00 (Asia/Shanghai)"."""
    return f"{dates.day_and_clock(value)} ({dates.zone_label()})"


def window_errors(*, event: Event, availability: list[dict[str, str]] | None) -> list[str]:
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
        % {"start": moment(window.start), "end": moment(window.end)}
        for window in windows
        if not any(window.start < end and start < window.end for start, end in sessions)
    ]
