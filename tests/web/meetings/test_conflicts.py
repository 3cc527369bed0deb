"""meetings.domain.conflicts: every rule a hand-made move would break, each in words."""

from datetime import datetime

import pytest

from matchfair.web.directory.models import Participation
from matchfair.web.meetings.domain.conflicts import move_conflicts
from matchfair.web.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def _at(moment: str) -> datetime:
    return datetime.fromisoformat(moment)


def test_a_free_slot_and_table_has_no_conflict(event):
    meeting = Meeting.objects.get(event=event)
    session = event.sessions.get(code="day1-pm")

    assert (
        move_conflicts(
            meeting=meeting,
            session=session,
            start=_at("2024-11-18T14:25:00+08:00"),
            location="table-2",
        )
        == []
    )


def test_a_time_that_starts_no_slot_is_named(event):
    meeting = Meeting.objects.get(event=event)
    session = event.sessions.get(code="day1-pm")

    assert move_conflicts(
        meeting=meeting, session=session, start=_at("2024-11-18T14:10:00+08:00"), location=None
    ) == ["2024-11-18T14:10:00+08:00 is not the start of a slot of session day1-pm."]


def test_every_broken_rule_is_named_not_only_the_first(event):
    meeting = Meeting.objects.get(event=event)
    online = event.sessions.get(code="day2-online")
    Meeting.objects.create(
        event=event,
        a=Participation.objects.get(event=event, code="smart-eye"),
        b=meeting.b,
        session=online,
        start=online.start,
        end=_at("2024-11-19T09:30:00+08:00"),
        online=True,
        interpreter=meeting.interpreter,
    )

    reasons = move_conflicts(
        meeting=meeting, session=online, start=online.start, location="table-2"
    )

    assert reasons == [
        "The request allows only the sessions day1-pm.",
        "This meeting is on site and the session is online only.",
        "清华四川能源互联网研究院 already has 1 meeting then (with Smart Eye).",
        "Interpreter interp-1 is not available then.",
        "Interpreter interp-1 interprets another meeting then.",
    ]


def test_the_one_table_taken_is_named_in_the_singular(event):
    meeting = Meeting.objects.get(event=event)
    session = event.sessions.get(code="day1-pm")
    event.tables = 1
    event.save(update_fields=["tables"])
    start = _at("2024-11-18T14:25:00+08:00")
    Meeting.objects.create(
        event=event,
        a=Participation.objects.get(event=event, code="smart-eye"),
        b=meeting.a,
        session=session,
        start=start,
        end=_at("2024-11-18T14:45:00+08:00"),
        location="table-1",
    )

    reasons = move_conflicts(meeting=meeting, session=session, start=start, location="table-2")

    assert "The 1 table is taken then." in reasons
