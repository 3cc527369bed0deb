"""meetings.domain.placement and exchange.hand_placement: an accepted request no run placed,
put into a free slot by hand, checked like a move and by the scheduler's validator."""

from datetime import datetime

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.models import Participation
from matchfair.web.exchange.hand_placement import place_validated
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.placement import free_places
from matchfair.web.meetings.models import Meeting, MeetingRequest, UnscheduledMeeting
from matchfair.web.meetings.queries import unplaced_of, unplaced_requests

pytestmark = pytest.mark.django_db

FULL = "清华四川能源互联网研究院 is fully booked."


@pytest.fixture
def late(event) -> MeetingRequest:
    """Smart Eye's request, accepted after the run that found Tsinghua full."""
    request = MeetingRequest.objects.get(event=event, requester__code="smart-eye")
    request.status = MeetingRequest.Status.ACCEPTED
    request.save(update_fields=["status"])
    UnscheduledMeeting.objects.create(
        event=event, a=request.requester, b=request.recipient, reason=FULL
    )
    return request


def test_an_accepted_request_on_no_agenda_is_found_with_the_runs_reason(event, late):
    found = unplaced_requests(event)

    assert [(u.request.pk, u.reason) for u in found] == [(late.pk, FULL)]


def test_a_request_accepted_after_the_last_run_is_unplaced_without_a_reason(event, late):
    UnscheduledMeeting.objects.filter(event=event).delete()

    assert unplaced_of(event, [late])[late.pk].reason is None


def test_only_slots_where_both_are_free_are_offered(event, late):
    places = free_places(meeting_request=late)

    starts = [place.start.isoformat() for place in places]
    # Tsinghua meets TEGnology at 14:00 (06:00 UTC): that slot is not offered.
    assert starts == [
        "2024-11-18T06:25:00+00:00",
        "2024-11-18T06:50:00+00:00",
        "2024-11-18T07:15:00+00:00",
        "2024-11-18T07:40:00+00:00",
        "2024-11-19T01:00:00+00:00",
        "2024-11-19T01:30:00+00:00",
    ]
    assert {tuple(place.locations) for place in places} == {("room-1",)}


def test_a_placed_request_is_published_with_the_schedule_audited_and_no_longer_unplaced(
    event, late
):
    event.schedule_published_at = datetime.fromisoformat("2024-11-01T00:00:00+00:00")
    event.save(update_fields=["schedule_published_at"])
    place = free_places(meeting_request=late)[0]

    meeting = place_validated(
        meeting_request=late, session=place.session, start=place.start, location="room-1"
    )

    assert (meeting.a.code, meeting.b.code, meeting.online, meeting.published) == (
        "smart-eye",
        "tsinghua-energy",
        True,
        True,
    )
    assert unplaced_requests(event) == []
    assert not UnscheduledMeeting.objects.filter(event=event).exists()
    entry = AuditEntry.objects.get(event=event, action="meeting.placed")
    assert entry.summary.endswith("day1-pm 2024-11-18T06:25:00+00:00 room-1")


def test_a_busy_slot_is_refused_with_the_conflict_named_and_nothing_stored(event, late):
    session = event.sessions.get(code="day1-pm")

    with pytest.raises(MeetingRuleError) as refused:
        place_validated(
            meeting_request=late, session=session, start=session.start, location="room-1"
        )

    assert refused.value.reasons == [
        "清华四川能源互联网研究院 already has 1 meeting then (with TEGnology)."
    ]
    assert Meeting.objects.filter(event=event).count() == 1
    assert not AuditEntry.objects.filter(action="meeting.placed").exists()


def test_a_request_not_accepted_or_already_met_is_refused(event, late):
    met = MeetingRequest.objects.get(event=event, requester__code="tegnology")
    session = event.sessions.get(code="day1-pm")
    late.status = MeetingRequest.Status.DECLINED
    late.save(update_fields=["status"])
    start = datetime.fromisoformat("2024-11-18T14:25:00+08:00")

    with pytest.raises(MeetingRuleError) as declined:
        place_validated(meeting_request=late, session=session, start=start, location="room-1")
    with pytest.raises(MeetingRuleError) as twice:
        place_validated(meeting_request=met, session=session, start=start, location="table-2")

    assert declined.value.reasons == ["Only an accepted request can be placed on the schedule."]
    assert twice.value.reasons == ["These two organizations already have a meeting."]


def _speaking(event, languages: list[str]) -> MeetingRequest:
    Participation.objects.filter(event=event, code="smart-eye").update(languages=languages)
    return MeetingRequest.objects.get(event=event, requester__code="smart-eye")


def test_a_pair_that_needs_an_interpreter_gets_slots_where_one_is_free(event, late):
    places = free_places(meeting_request=_speaking(event, ["en"]))

    # interp-1 (zh, en) works on day 1 only and interprets TEGnology's 14:00 meeting.
    assert [(p.start.isoformat(), p.interpreter.code) for p in places] == [
        ("2024-11-18T06:25:00+00:00", "interp-1"),
        ("2024-11-18T06:50:00+00:00", "interp-1"),
        ("2024-11-18T07:15:00+00:00", "interp-1"),
        ("2024-11-18T07:40:00+00:00", "interp-1"),
    ]


def test_a_pair_no_interpreter_can_serve_is_offered_nothing(event, late):
    assert free_places(meeting_request=_speaking(event, ["sv"])) == []


def test_what_only_the_schedulers_validator_sees_refuses_the_placement(event, late):
    request = _speaking(event, ["sv"])
    session = event.sessions.get(code="day1-pm")

    with pytest.raises(MeetingRuleError) as refused:
        place_validated(
            meeting_request=request,
            session=session,
            start=datetime.fromisoformat("2024-11-18T14:25:00+08:00"),
            location="room-1",
            interpreter=event.interpreters.get(code="interp-1"),
        )

    assert refused.value.reasons == [
        "rule 7, meetings[1] (smart-eye-tsinghua-energy): "
        "interpreter interp-1 does not cover a language of each side"
    ]
    assert Meeting.objects.filter(event=event).count() == 1
