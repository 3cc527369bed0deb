"""Tailor-made meetings, storing a scheduler run, publishing, and moving one meeting by hand.

A scheduler run replaces the draft meetings and keeps the published ones, in one
transaction: the organizer sees the old schedule or the new one, never a mix. A run
never deletes a published meeting, and what it stores is validated as a whole.
Every change to an event's schedule first locks the event's row (``lock_schedule``):
two moves into the same slot at the same moment are checked one after the other,
so the second sees the first and is refused. Each change is written to the audit trail.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import core
from matchfair.scheduling import ReleasedMeeting
from matchfair.web.audit.services import record
from matchfair.web.directory.models import Participation
from matchfair.web.events.core_sessions import session_from_row
from matchfair.web.events.models import Event, Interpreter, Session
from matchfair.web.exchange.to_database import store_meetings
from matchfair.web.meetings.conflicts import move_conflicts
from matchfair.web.meetings.models import (
    Meeting,
    MeetingRequest,
    Recommendation,
    UnscheduledMeeting,
)
from matchfair.web.meetings.run_result import (
    FittedSchedule,
    check_stored,
    fit_to_current_event,
    refuse_lost_published,
)


def lock_schedule(event: Event) -> None:
    """Wait for any other change to this event's schedule to commit (call inside a transaction)."""
    list(Event.objects.select_for_update().filter(pk=event.pk).values_list("pk", flat=True))


class MeetingRuleError(ValueError):
    """A change the schedule's rules forbid; ``reasons`` explains each conflict."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__("; ".join(reasons))


def add_tailor_made_meeting(
    event: Event,
    first: Participation,
    second: Participation,
    *,
    weight: int = 1,
    sessions: list[str] | None = None,
) -> MeetingRequest:
    """A mandatory meeting set up by the organizer: accepted, scheduled before any other."""
    if first.event_id != event.pk or second.event_id != event.pk:
        raise MeetingRuleError([_("Both organizations must take part in this event.")])
    if first.pk == second.pk:
        raise MeetingRuleError([_("An organization cannot meet itself.")])
    position = (
        MeetingRequest.objects.filter(event=event).aggregate(Max("position"))["position__max"] or 0
    ) + 1
    with transaction.atomic():
        request = MeetingRequest.objects.create(
            event=event,
            requester=first,
            recipient=second,
            weight=weight,
            status=MeetingRequest.Status.ACCEPTED,
            mandatory=True,
            sessions=sessions or None,
            position=position,
        )
        record(event, "request.tailor-made", request, f"{first} – {second}")
    return request


def _key(a: str, b: str, start: datetime) -> tuple[frozenset[str], datetime]:
    return frozenset((a, b)), start


@transaction.atomic
def store_schedule(
    event: Event,
    result: core.Schedule,
    *,
    read: core.Event,
    kept: list[core.ScheduledMeeting],
    released: list[ReleasedMeeting] | None = None,
) -> FittedSchedule:
    """Make the stored schedule the run's result: one transaction, never a mix of two runs.

    The run read ``read`` and received the published meetings ``kept`` as meetings to
    keep. Every one must come back where it was: a run that could not keep one
    (``released`` says why) stores nothing, since delegates already hold it in their
    agendas. Kept meetings take the run's interpreter and table, which the run chose
    together with the new drafts' (as ``matchfair schedule --keep`` writes them); the
    rest arrive as drafts. The result is first fitted to the event as it is now
    (``run_result``), which may have changed during the run, and the stored schedule
    is validated as a whole before the transaction commits.
    """
    lock_schedule(event)
    fitted = fit_to_current_event(event, result, read=read, kept=kept)
    schedule = fitted.schedule
    returned = {_key(m.a, m.b, m.start): m for m in schedule.meetings}
    published = list(
        Meeting.objects.filter(event=event, published=True).select_related(
            "a__organization", "b__organization", "interpreter"
        )
    )
    refuse_lost_published(
        event,
        [m for m in published if _key(m.a.code, m.b.code, m.start) not in returned],
        released or [],
    )
    interpreters = {i.code: i for i in Interpreter.objects.filter(event=event)}
    changed = 0
    for meeting in published:
        chosen = returned.pop(_key(meeting.a.code, meeting.b.code, meeting.start))
        interpreter = interpreters[chosen.interpreter] if chosen.interpreter else None
        if meeting.interpreter != interpreter or meeting.location != chosen.location:
            meeting.interpreter, meeting.location = interpreter, chosen.location
            # Saved one by one; the caller tells the delegates (notify.domain.agendas).
            meeting.save(update_fields=["interpreter", "location"])
            changed += 1
    _total, deleted = Meeting.objects.filter(event=event, published=False).delete()
    removed = deleted.get(Meeting._meta.label, 0)
    UnscheduledMeeting.objects.filter(event=event).delete()
    participations = {p.code: p for p in Participation.objects.filter(event=event)}
    store_meetings(
        event,
        list(returned.values()),
        published=False,
        participations=participations,
        sessions={s.code: s for s in Session.objects.filter(event=event)},
        interpreters=interpreters,
    )
    UnscheduledMeeting.objects.bulk_create(
        [
            UnscheduledMeeting(
                event=event,
                a=participations[u.a],
                b=participations[u.b],
                reason=u.reason,
                position=index,
            )
            for index, u in enumerate(schedule.unscheduled)
        ]
    )
    check_stored(event, fitted.current)
    record(
        event,
        "schedule.stored",
        event,
        f"{len(published)} published meetings kept"
        + (f" ({changed} with another interpreter or table)" if changed else "")
        + f", {removed} draft meetings removed, {len(returned)} draft meetings added, "
        f"{len(schedule.unscheduled)} not scheduled",
    )
    return fitted


@transaction.atomic
def store_recommendations(event: Event, recommendations: core.Recommendations) -> int:
    """Replace the event's recommendations with a run's result; returns how many were stored."""
    Recommendation.objects.filter(event=event).delete()
    participations = {p.code: p for p in Participation.objects.filter(event=event)}
    rows = [
        Recommendation(
            event=event,
            participation=participations[code],
            partner=participations[item.partner],
            score=item.score,
            reasons=list(item.reasons),
            rank=rank,
        )
        for code, items in recommendations.recommendations.items()
        for rank, item in enumerate(items)
    ]
    Recommendation.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


@transaction.atomic
def publish_schedule(event: Event, now: datetime | None = None) -> int:
    """Publish every meeting; later runs keep them. Returns how many were newly published."""
    lock_schedule(event)
    count = Meeting.objects.filter(event=event, published=False).update(published=True)
    event.schedule_published_at = now or timezone.now()
    event.save(update_fields=["schedule_published_at"])
    record(event, "schedule.published", event, f"{count} meetings newly published")
    return count


@transaction.atomic
def move_meeting(
    meeting: Meeting, *, session: Session, start: datetime, location: str | None
) -> Meeting:
    """Move a meeting to another slot (and table); refused, with every conflict named."""
    lock_schedule(meeting.event)
    before = f"{meeting.session.code} {meeting.start.isoformat()} {meeting.location or ''}".strip()
    reasons = move_conflicts(meeting, session=session, start=start, location=location)
    if reasons:
        raise MeetingRuleError(reasons)
    slot = next(s for s in core.session_slots(session_from_row(session)) if s.start == start)
    meeting.session = session
    meeting.start = slot.start
    meeting.end = slot.end
    meeting.location = None if meeting.online else location
    meeting.save(update_fields=["session", "start", "end", "location"])
    after = f"{session.code} {slot.start.isoformat()} {meeting.location or ''}".strip()
    record(meeting.event, "meeting.moved", meeting, f"{meeting}: {before} → {after}")
    return meeting
