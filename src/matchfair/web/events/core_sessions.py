"""A session row as the engines and the file formats see it (``core.Session``): built here only.

Conversion between rows and ``matchfair.core`` belongs to ``exchange``, but the
session is the exception that proves the rule: the schedule rules of ``events`` and
``meetings`` need a session's slots, and both sit below ``exchange`` in the import
order. So the one conversion lives with the model, at the bottom, and ``exchange``
calls it like everyone else.
"""

from zoneinfo import ZoneInfo

from pydantic import ValidationError

from matchfair import core
from matchfair.web.events.models import Session
from matchfair.web.events.stored_data import session_error


def session_from_row(session: Session, *, zone: ZoneInfo | None = None) -> core.Session:
    """``session`` as a ``core.Session``, its times in ``zone`` when given (as a file writes
    them) and as stored otherwise; an unsaved row works too, and is validated the same way."""
    start, end = session.start, session.end
    if zone is not None:
        start, end = start.astimezone(zone), end.astimezone(zone)
    return core.Session(
        id=session.code,
        start=start,
        end=end,
        slot_minutes=session.slot_minutes,
        gap_minutes=session.gap_minutes,
        mode=session.mode,
    )


def stored_session(session: Session, *, zone: ZoneInfo | None = None) -> core.Session:
    """A saved ``session`` as a ``core.Session``; times the core refuses (an end before the
    start, saved through the admin or by an old release) raise a ``StoredDataError`` naming
    the session and the field, so that no run, export or page fails with a bare traceback."""
    try:
        return session_from_row(session, zone=zone)
    except ValidationError as error:
        raise session_error(
            error, code=session.code, event_id=session.event_id, row_id=session.pk
        ) from None
