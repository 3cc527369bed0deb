"""meetings.domain.runs: a run's result fitted to the event as it is now, stored, checked."""

from datetime import datetime

import pytest

from matchfair import core
from matchfair.scheduling import ReleasedMeeting
from matchfair.scheduling.reasons import accepted_during_run
from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event, Interpreter, Session
from matchfair.web.exchange.from_database import export_event, meetings_of
from matchfair.web.exchange.to_database import meeting_rows
from matchfair.web.meetings.domain.runs import (
    InvalidStoredScheduleError,
    PublishedMeetingsNotKeptError,
    ScheduleOutdatedError,
    check_stored,
    fit_to_current_event,
    store_run,
)
from matchfair.web.meetings.models import Meeting, MeetingRequest, UnscheduledMeeting

pytestmark = pytest.mark.django_db

SECOND_SLOT = datetime.fromisoformat("2024-11-18T14:25:00+08:00")


def _online_meeting() -> core.ScheduledMeeting:
    return core.ScheduledMeeting(
        a="smart-eye",
        b="tsinghua-energy",
        session="day1-pm",
        start=SECOND_SLOT,
        end=datetime.fromisoformat("2024-11-18T14:45:00+08:00"),
        online=True,
    )


def _schedule(event: Event, meetings: list[core.ScheduledMeeting]) -> core.Schedule:
    return core.Schedule(event=event.code, meetings=meetings)


def _fit(event: Event, result: core.Schedule, *, read: core.Event, kept=None):
    published = meetings_of(event, published_only=True)
    return fit_to_current_event(
        schedule=result,
        read=read,
        kept=published if kept is None else kept,
        current=export_event(event, with_results=False),
        published_now=published,
    )


def test_a_meeting_whose_request_was_withdrawn_during_the_run_is_left_out(event):
    MeetingRequest.objects.filter(event=event, requester__code="smart-eye").update(
        status=MeetingRequest.Status.ACCEPTED
    )
    read = export_event(event, with_results=False)
    kept = meetings_of(event, published_only=True)
    MeetingRequest.objects.filter(event=event, requester__code="smart-eye").update(
        status=MeetingRequest.Status.DECLINED
    )

    fitted = _fit(event, _schedule(event, [*kept, _online_meeting()]), read=read)

    assert fitted.schedule.meetings == kept
    assert fitted.left_out == [_online_meeting()]
    assert fitted.accepted_meanwhile == 0


def test_a_request_accepted_during_the_run_is_listed_as_not_scheduled(event):
    read = export_event(event, with_results=False)
    kept = meetings_of(event, published_only=True)
    MeetingRequest.objects.filter(event=event, requester__code="smart-eye").update(
        status=MeetingRequest.Status.ACCEPTED
    )

    fitted = _fit(event, _schedule(event, kept), read=read)

    assert fitted.accepted_meanwhile == 1
    assert [(u.a, u.b, u.reason) for u in fitted.schedule.unscheduled] == [
        ("smart-eye", "tsinghua-energy", accepted_during_run().render())
    ]


def test_a_run_that_did_not_receive_the_published_meetings_as_they_are_is_refused(event):
    read = export_event(event, with_results=False)

    with pytest.raises(ScheduleOutdatedError, match="the published meetings were changed"):
        _fit(event, _schedule(event, []), read=read, kept=[])


def _rows(event: Event, meetings: list[core.ScheduledMeeting]) -> list[Meeting]:
    return meeting_rows(
        event,
        meetings,
        published=False,
        participations={p.code: p for p in Participation.objects.filter(event=event)},
        sessions={s.code: s for s in Session.objects.filter(event=event)},
        interpreters={i.code: i for i in Interpreter.objects.filter(event=event)},
    )


def test_storing_keeps_the_published_meeting_with_the_runs_interpreter_and_adds_drafts(event):
    Interpreter.objects.create(event=event, code="interp-2", languages=["zh", "en"])
    published = Meeting.objects.get(event=event, published=True)
    kept = meetings_of(event, published_only=True)[0].model_copy(update={"interpreter": "interp-2"})
    pair = Participation.objects.filter(event=event, code__in=["smart-eye", "tegnology"])
    unscheduled = [UnscheduledMeeting(event=event, a=pair[0], b=pair[1], reason="no slot")]

    store_run(
        event=event, meetings=_rows(event, [kept, _online_meeting()]), unscheduled=unscheduled
    )

    published.refresh_from_db()
    assert (published.published, published.interpreter.code) == (True, "interp-2")
    draft = Meeting.objects.get(event=event, published=False)
    assert (draft.a.code, draft.b.code, draft.online, draft.position) == (
        "smart-eye",
        "tsinghua-energy",
        True,
        0,
    )
    assert UnscheduledMeeting.objects.get(event=event).reason == "no slot"
    entry = AuditEntry.objects.get(event=event, action="schedule.stored")
    assert entry.summary == (
        "1 published meeting kept (1 with another interpreter or table), 0 draft meetings "
        "removed, 1 draft meeting added, 1 not scheduled"
    )


def test_a_result_without_a_published_meeting_stores_nothing_and_says_why(event):
    before = list(Meeting.objects.filter(event=event).values_list("pk", "start", "published"))
    released = [
        ReleasedMeeting(
            a="tsinghua-energy",
            b="tegnology",
            start="2024-11-18T14:00:00+08:00",
            reason="TEGnology is not available then",
        )
    ]

    with pytest.raises(PublishedMeetingsNotKeptError) as refused:
        store_run(event=event, meetings=[], unscheduled=[], released=released)

    assert "TEGnology – 清华四川能源互联网研究院 at 2024-11-18 14:00" in str(refused.value)
    assert "TEGnology is not available then" in str(refused.value)
    assert list(Meeting.objects.filter(event=event).values_list("pk", "start", "published")) == (
        before
    )
    assert not AuditEntry.objects.filter(event=event, action="schedule.stored").exists()


def test_a_stored_schedule_that_breaks_a_rule_is_refused(event):
    current = export_event(event, with_results=False)
    meeting = meetings_of(event, published_only=True)[0]

    check_stored(current=current, stored=_schedule(event, [meeting]))
    with pytest.raises(InvalidStoredScheduleError, match="Nothing was stored"):
        check_stored(current=current, stored=_schedule(event, [meeting, meeting]))
