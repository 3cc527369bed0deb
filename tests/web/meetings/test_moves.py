"""meetings.domain.moves: a meeting moved by hand, or refused with every conflict named."""

from datetime import datetime

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.moves import move_meeting
from matchfair.web.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def test_a_move_to_a_free_slot_and_table_is_stored_and_written_to_the_audit_trail(event):
    meeting = Meeting.objects.get(event=event)
    session = event.sessions.get(code="day1-pm")

    move_meeting(
        meeting=meeting,
        session=session,
        start=datetime.fromisoformat("2024-11-18T14:25:00+08:00"),
        location="table-2",
    )

    meeting.refresh_from_db()
    assert (meeting.start.isoformat(), meeting.end.isoformat(), meeting.location) == (
        "2024-11-18T06:25:00+00:00",
        "2024-11-18T06:45:00+00:00",
        "table-2",
    )
    entry = AuditEntry.objects.get(event=event, action="meeting.moved")
    assert entry.summary.endswith(
        "day1-pm 2024-11-18T06:00:00+00:00 table-1 → day1-pm 2024-11-18T06:25:00+00:00 table-2"
    )


def test_a_move_into_a_conflict_is_refused_and_changes_nothing(event):
    meeting = Meeting.objects.get(event=event)
    session = event.sessions.get(code="day1-pm")

    with pytest.raises(MeetingRuleError) as refused:
        move_meeting(
            meeting=meeting,
            session=session,
            start=datetime.fromisoformat("2024-11-18T15:40:00+08:00"),
            location="table-1",
        )

    assert refused.value.reasons == ["TEGnology is not available at that time."]
    meeting.refresh_from_db()
    assert meeting.start.isoformat() == "2024-11-18T06:00:00+00:00"
    assert not AuditEntry.objects.filter(event=event, action="meeting.moved").exists()


def test_a_table_the_event_does_not_have_is_refused(event):
    meeting = Meeting.objects.get(event=event)
    session = event.sessions.get(code="day1-pm")

    with pytest.raises(MeetingRuleError) as refused:
        move_meeting(
            meeting=meeting,
            session=session,
            start=datetime.fromisoformat("2024-11-18T14:25:00+08:00"),
            location="Tisch 99",
        )

    assert refused.value.reasons == ["Tisch 99 is not a table of this event."]
    meeting.refresh_from_db()
    assert meeting.location == "table-1"


def test_a_table_beyond_the_events_count_is_refused_and_an_on_site_move_needs_one(event):
    meeting = Meeting.objects.get(event=event)
    session = event.sessions.get(code="day1-pm")
    start = datetime.fromisoformat("2024-11-18T14:25:00+08:00")

    with pytest.raises(MeetingRuleError) as beyond:
        move_meeting(meeting=meeting, session=session, start=start, location="table-4")
    with pytest.raises(MeetingRuleError) as missing:
        move_meeting(meeting=meeting, session=session, start=start, location=None)

    assert beyond.value.reasons == ["table-4 is not a table of this event."]
    assert missing.value.reasons == ["An on-site meeting needs a table."]
