"""A scheduler or recommender run's result, converted to rows and stored by ``meetings``.

The engines return ``core`` objects; this module reads what the storing needs as
``core`` objects (the event as it is now, its published meetings, the schedule read
back), turns the result into unsaved rows, and leaves every rule to
``meetings.domain.runs`` and ``meetings.domain.recommendations``. One transaction
holds all of it, so a run that fails half-way writes nothing.
"""

from collections.abc import Iterable

from django.db import transaction

from matchfair import core
from matchfair.scheduling import (
    ReleasedMeeting,
    ScheduleOutcome,
    build_problem,
    schedule_quality,
    weight_bound,
)
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event, Interpreter, Session
from matchfair.web.exchange.from_database import export_event, export_schedule, meetings_of
from matchfair.web.exchange.to_database import meeting_rows
from matchfair.web.meetings.domain import runs
from matchfair.web.meetings.domain.recommendations import replace_recommendations
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Recommendation, UnscheduledMeeting


@transaction.atomic
def store_schedule(
    event: Event,
    result: core.Schedule,
    *,
    read: core.Event,
    kept: list[core.ScheduledMeeting],
    released: Iterable[ReleasedMeeting] | None = None,
) -> runs.FittedSchedule:
    """Make the stored schedule the run's result: one transaction, never a mix of two runs.

    The run read ``read`` and received the published meetings ``kept`` as meetings to
    keep; ``released`` is its account of the ones it could not keep. The result is
    first fitted to the event as it is now (which may have changed during the run),
    then stored, and the stored schedule is read back and validated as a whole
    before the transaction commits (``meetings.domain.runs``).
    """
    lock_schedule(event=event)
    current = export_event(event, with_results=False)
    fitted = runs.fit_to_current_event(
        schedule=result,
        read=read,
        kept=kept,
        current=current,
        published_now=meetings_of(event, published_only=True),
    )
    participations = {p.code: p for p in Participation.objects.filter(event=event)}
    rows = meeting_rows(
        event,
        fitted.schedule.meetings,
        published=False,
        participations=participations,
        sessions={s.code: s for s in Session.objects.filter(event=event)},
        interpreters={i.code: i for i in Interpreter.objects.filter(event=event)},
    )
    unscheduled = [
        UnscheduledMeeting(
            event=event,
            a=participations[u.a],
            b=participations[u.b],
            reason=u.reason,
            message=u.message.as_json() if u.message else None,
        )
        for u in fitted.schedule.unscheduled
    ]
    runs.store_run(event=event, meetings=rows, unscheduled=unscheduled, released=released or ())
    runs.check_stored(current=fitted.current, stored=export_schedule(event))
    return fitted


def run_quality(stored: runs.FittedSchedule, outcome: ScheduleOutcome) -> dict[str, object]:
    """The stored schedule's quality as ``matchfair schedule`` prints it, kept with the run.

    Measured on what was stored (the result fitted to the event as it is now) against
    the same event; the engine's "proven optimal" holds only when nothing was left out.
    """
    quality = schedule_quality(stored.current, stored.schedule)
    bound = weight_bound(build_problem(stored.current).problem, quality.mandatory)
    intact = not stored.left_out
    return {
        "meetings": quality.meetings,
        "requested": quality.requested,
        "weight": quality.weight,
        "requested_weight": quality.requested_weight,
        "mandatory": quality.mandatory,
        "requested_mandatory": quality.requested_mandatory,
        "breaks": quality.breaks,
        "idle": quality.idle,
        "bound": bound.value,
        "bound_method": bound.method,
        "ratio": quality.weight / bound.value if bound.value else 1.0,
        "weight_proven_optimal": intact and outcome.weight_proven_optimal,
        "breaks_proven_optimal": intact and outcome.breaks_proven_optimal,
    }


@transaction.atomic
def store_recommendations(event: Event, recommendations: core.Recommendations) -> int:
    """Replace the event's recommendations with a run's result; returns how many were stored."""
    participations = {p.code: p for p in Participation.objects.filter(event=event)}
    rows = [
        Recommendation(
            event=event,
            participation=participations[code],
            partner=participations[item.partner],
            score=item.score,
            reasons=[message.as_json() for message in item.messages] or list(item.reasons),
            rank=rank,
        )
        for code, items in recommendations.recommendations.items()
        for rank, item in enumerate(items)
    ]
    return replace_recommendations(event=event, recommendations=rows)
