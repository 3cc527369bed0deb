"""meetings.domain.sessions: a session change never moves a published meeting; drafts give way."""

from datetime import timedelta

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.models import Session
from matchfair.web.meetings.domain.sessions import (
    change_session,
    delete_session,
    session_dependents,
)
from matchfair.web.meetings.models import Meeting, MeetingRequest
from tests.web.factories import World


def _times(session: Session, **changes) -> dict[str, object]:
    values = {
        "code": session.code,
        "start": session.start,
        "end": session.end,
        "slot_minutes": session.slot_minutes,
        "gap_minutes": session.gap_minutes,
        "mode": session.mode,
    }
    return values | changes


def _day1(world: World) -> Session:
    return Session.objects.get(event=world.event, code="day1-pm")


def test_the_dependents_count_published_and_draft_meetings(world: World):
    dependents = session_dependents(session=_day1(world))
    assert (dependents.published, dependents.drafts) == (1, 1)


def test_a_change_that_moves_a_published_meeting_is_refused_and_not_audited(world: World):
    session = _day1(world)
    with pytest.raises(EventRuleError, match="1 published meeting would no longer fit"):
        change_session(session=session, **_times(session, slot_minutes=30))
    assert Session.objects.get(pk=session.pk).slot_minutes == session.slot_minutes
    assert not AuditEntry.objects.filter(action="session.changed").exists()


def test_a_new_id_follows_into_the_requests_limited_to_the_session(world: World):
    session = _day1(world)
    request = MeetingRequest.objects.filter(event=world.event).first()
    request.sessions = ["day1-pm"]
    request.save()
    assert change_session(session=session, **_times(session, code="day1-afternoon")) == 0
    request.refresh_from_db()
    assert request.sessions == ["day1-afternoon"]
    assert AuditEntry.objects.filter(action="session.changed").count() == 1


def test_a_session_with_a_published_meeting_is_not_deleted(world: World):
    with pytest.raises(EventRuleError, match="holds 1 published meeting"):
        delete_session(session=_day1(world))


def test_deleting_a_session_takes_its_drafts_and_frees_the_requests_limited_to_it(world: World):
    session = _day1(world)
    world.published.delete()
    request = MeetingRequest.objects.filter(event=world.event).first()
    request.sessions = ["day1-pm"]
    request.save()
    dependents = delete_session(session=session)
    assert dependents.drafts == 1
    assert not Meeting.objects.filter(pk=world.draft.pk).exists()
    request.refresh_from_db()
    assert request.sessions is None
    assert "1 draft meeting removed" in AuditEntry.objects.get(action="session.deleted").summary


def test_a_shorter_session_drops_the_drafts_outside_it(world: World):
    session = _day1(world)
    world.published.delete()
    shorter = _times(session, end=world.draft.start - timedelta(minutes=10))
    assert change_session(session=session, **shorter) == 1
    assert not Meeting.objects.filter(pk=world.draft.pk).exists()
