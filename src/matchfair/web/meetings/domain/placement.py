"""Placing an accepted request that no run placed, by hand, in a slot where both are free.

A request accepted after its partner was full stays "accepted" and on no agenda; the
organizer places it here. The free places are found with the same rules a move is
checked with (``conflicts.move_conflicts``), so what is offered is what is accepted;
the placement takes the schedule lock, is refused with every conflict named, and is
written to the audit trail. ``exchange.hand_placement`` wraps it with the scheduler's
own validator.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from matchfair.web.audit.services import record
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Interpreter, Session
from matchfair.web.meetings.domain.conflicts import move_conflicts
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting, MeetingRequest, UnscheduledMeeting
from matchfair.web.meetings.queries import event_locations, session_slots, slot_key


@dataclass(frozen=True)
class FreePlace:
    """A slot where both sides (and an interpreter, when they need one) are free."""

    key: str
    session: Session
    start: datetime
    end: datetime
    locations: list[str]
    interpreter: Interpreter | None


def unplaced_meeting(meeting_request: MeetingRequest) -> Meeting:
    """The meeting a request asks for, not yet in a slot: online when either side attends online."""
    a, b = meeting_request.requester, meeting_request.recipient
    online = Participation.Attendance.ONLINE in (a.attendance, b.attendance)
    return Meeting(event=meeting_request.event, a=a, b=b, online=online)


def interpreters_for(meeting: Meeting) -> list[Interpreter | None]:
    """None when the sides share a language; else the interpreters covering one of each side's."""
    first, second = set(meeting.a.languages or ()), set(meeting.b.languages or ())
    if not (first and second) or first & second:
        return [None]
    return [
        person
        for person in Interpreter.objects.filter(event=meeting.event)
        if set(person.languages) & first and set(person.languages) & second
    ]


def free_places(
    *, meeting_request: MeetingRequest, between: tuple[datetime, datetime] | None = None
) -> list[FreePlace]:
    """Every slot the request's meeting may go to, with the tables (or rooms) still free then.

    ``between`` keeps the slots that overlap that span (on-the-spot booking offers only the
    rest of the day); None keeps them all.
    """
    meeting = unplaced_meeting(meeting_request)
    event = meeting.event
    own = event_locations(event, online=meeting.online)
    taken: defaultdict[datetime, set[str]] = defaultdict(set)
    for start, location in (
        Meeting.objects.filter(event=event, online=meeting.online)
        .exclude(location=None)
        .values_list("start", "location")
    ):
        taken[start].add(location)
    interpreters = interpreters_for(meeting)
    places = []
    for session in Session.objects.filter(event=event):
        for slot in session_slots(session):
            if between is not None and not (slot.end > between[0] and slot.start < between[1]):
                continue
            free = [name for name in own if name not in taken[slot.start]]
            if not free:
                continue
            for interpreter in interpreters:
                meeting.interpreter = interpreter
                if not move_conflicts(
                    meeting=meeting, session=session, start=slot.start, location=free[0]
                ):
                    places.append(
                        FreePlace(
                            slot_key(session, slot.index),
                            session,
                            slot.start,
                            slot.end,
                            free,
                            interpreter,
                        )
                    )
                    break
    return places


def _pair(meeting_request: MeetingRequest) -> Q:
    a, b = meeting_request.requester_id, meeting_request.recipient_id
    return Q(a_id=a, b_id=b) | Q(a_id=b, b_id=a)


@transaction.atomic
def place_request(
    *,
    meeting_request: MeetingRequest,
    session: Session,
    start: datetime,
    location: str | None,
    interpreter: Interpreter | None = None,
) -> Meeting:
    """Put an accepted, unplaced request's meeting into a slot; refused with every conflict.

    The meeting is published when the event's schedule is, so it reaches both agendas
    at once; before that it is a draft like the run's.
    """
    event = meeting_request.event
    lock_schedule(event=event)
    if meeting_request.status != MeetingRequest.Status.ACCEPTED:
        raise MeetingRuleError([_("Only an accepted request can be placed on the schedule.")])
    if Meeting.objects.filter(_pair(meeting_request), event=event).exists():
        raise MeetingRuleError([_("These two organizations already have a meeting.")])
    meeting = unplaced_meeting(meeting_request)
    meeting.interpreter = interpreter
    reasons = move_conflicts(meeting=meeting, session=session, start=start, location=location)
    if reasons:
        raise MeetingRuleError(reasons)
    slot = next(s for s in session_slots(session) if s.start == start)
    meeting.session = session
    meeting.start, meeting.end = slot.start, slot.end
    meeting.location = location
    meeting.published = event.schedule_published_at is not None
    meeting.save()
    UnscheduledMeeting.objects.filter(_pair(meeting_request), event=event).delete()
    where = f"{session.code} {slot.start.isoformat()} {location or ''}".strip()
    record(event, "meeting.placed", meeting, f"{meeting}: {where}")
    return meeting
