"""A request placed by hand, checked with the scheduler's validator before it is kept.

``meetings.domain.placement`` checks the move rules; this adds the check every run's
result gets (``matchfair.scheduling.validate_schedule``, rules 1-8) on the whole
stored schedule, which needs the rows as ``core`` objects, hence ``exchange``. Only
what the placement breaks refuses it: a violation the schedule had before is not
this placement's doing.
"""

from collections import Counter
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from django.db import transaction

from matchfair.scheduling import Violation, validate_schedule
from matchfair.web.events.models import Event, Interpreter, Session
from matchfair.web.exchange.from_database import export_event, export_schedule
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.placement import place_request
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting, MeetingRequest

T = TypeVar("T")


def _broken(event: Event) -> list[Violation]:
    """What the stored schedule breaks now, read with the requests and rows as they are now."""
    return validate_schedule(export_event(event, with_results=False), export_schedule(event))


def kept_if_valid(event: Event, write: Callable[[], T]) -> T:
    """Run ``write`` (a change to the schedule) and undo it if it breaks a rule kept before.

    The validator reads the whole event, so it runs once in the usual case: after the
    write, on the rows as they are then (the write may add the request it places, as an
    on-the-spot booking does); a refused write raises before it runs at all. Only when
    the schedule breaks a rule after the write is the write undone (a savepoint) to see
    whether it broke that rule before, and, if so, done again. Call inside a
    transaction that holds the schedule lock: the raised ``MeetingRuleError`` (every
    new violation, in the validator's words) rolls it back.
    """
    savepoint = transaction.savepoint()
    done = write()
    after = _broken(event)
    if not after:
        transaction.savepoint_commit(savepoint)
        return done
    transaction.savepoint_rollback(savepoint)
    before = Counter((v.rule, v.message) for v in _broken(event))
    new = Counter((v.rule, v.message) for v in after) - before
    if new:
        raise MeetingRuleError([str(v) for v in after if (v.rule, v.message) in new])
    return write()


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
    return kept_if_valid(
        event,
        lambda: place_request(
            meeting_request=meeting_request,
            session=session,
            start=start,
            location=location,
            interpreter=interpreter,
        ),
    )
