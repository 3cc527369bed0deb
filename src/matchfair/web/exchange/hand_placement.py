"""A request placed by hand, checked with the scheduler's validator before it is kept.

``meetings.domain.placement`` checks the move rules; this adds the check every run's
result gets (``matchfair.scheduling.validate_schedule``, rules 1-8) on the whole
stored schedule, which needs the rows as ``core`` objects, hence ``exchange``. Only
what the placement breaks refuses it: a violation the schedule had before is not
this placement's doing.
"""

from collections import Counter
from datetime import datetime

from django.db import transaction

from matchfair import core
from matchfair.scheduling import Violation, validate_schedule
from matchfair.web.events.models import Event, Interpreter, Session
from matchfair.web.exchange.from_database import export_event, export_schedule
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.placement import place_request
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting, MeetingRequest


def _broken(current: core.Event, event: Event) -> list[Violation]:
    return validate_schedule(current, export_schedule(event))


@transaction.atomic
def place_validated(
    *,
    meeting_request: MeetingRequest,
    session: Session,
    start: datetime,
    location: str | None,
    interpreter: Interpreter | None = None,
) -> Meeting:
    """``place_request``, kept only if the stored schedule breaks no rule it kept before."""
    event = meeting_request.event
    lock_schedule(event=event)
    current = export_event(event, with_results=False)
    before = Counter((v.rule, v.message) for v in _broken(current, event))
    meeting = place_request(
        meeting_request=meeting_request,
        session=session,
        start=start,
        location=location,
        interpreter=interpreter,
    )
    after = _broken(current, event)
    new = Counter((v.rule, v.message) for v in after) - before
    if new:
        raise MeetingRuleError([str(v) for v in after if (v.rule, v.message) in new])
    return meeting
