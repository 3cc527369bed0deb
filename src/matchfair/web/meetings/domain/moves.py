"""Moving one meeting by hand to another slot or table, refused with every conflict named.

The move takes the schedule lock first, so two moves into the same slot at the same
moment are checked one after the other and the second sees the first. It is written
to the audit trail with where the meeting was and where it went.
"""

from datetime import datetime

from django.db import transaction

from matchfair.web.audit.services import record
from matchfair.web.events.models import Session
from matchfair.web.meetings.domain.conflicts import move_conflicts
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting
from matchfair.web.meetings.queries import session_slots


@transaction.atomic
def move_meeting(
    *, meeting: Meeting, session: Session, start: datetime, location: str | None
) -> Meeting:
    """Move a meeting to another slot and table (or room); refused, with every conflict named.

    ``location`` must be one of the event's own tables or online rooms
    (``meetings.queries.event_locations``): a typed "Tisch 99" would put the meeting
    at a table that does not exist.
    """
    lock_schedule(event=meeting.event)
    before = f"{meeting.session.code} {meeting.start.isoformat()} {meeting.location or ''}".strip()
    reasons = move_conflicts(meeting=meeting, session=session, start=start, location=location)
    if reasons:
        raise MeetingRuleError(reasons)
    slot = next(s for s in session_slots(session) if s.start == start)
    meeting.session = session
    meeting.start = slot.start
    meeting.end = slot.end
    meeting.location = location
    meeting.save(update_fields=["session", "start", "end", "location"])
    after = f"{session.code} {slot.start.isoformat()} {meeting.location or ''}".strip()
    record(meeting.event, "meeting.moved", meeting, f"{meeting}: {before} → {after}")
    return meeting
