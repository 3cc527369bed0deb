"""'We are here' and 'no show': the grace period, who may mark it, what it frees."""

from datetime import datetime, timedelta

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.eventday.domain.presence import (
    PresenceRuleError,
    mark_no_show,
    mark_present,
)
from matchfair.web.eventday.models import DayRules, Presence
from matchfair.web.exchange.from_database import export_event
from matchfair.web.meetings.domain.requests import send_request
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.notify.models import Notification
from matchfair.web.outcomes.models import MeetingOutcome
from tests.web import factories
from tests.web.eventday.day import NINE_THIRTY, meeting_between

GRACE = timedelta(minutes=10)


def test_saying_we_are_here_twice_keeps_one_presence(meeting, german):
    first = mark_present(meeting=meeting, side=german, now=NINE_THIRTY)
    again = mark_present(meeting=meeting, side=german, now=NINE_THIRTY + timedelta(minutes=5))
    assert first.pk == again.pk
    assert Presence.objects.filter(meeting=meeting).count() == 1
    assert again.at == NINE_THIRTY
    assert AuditEntry.objects.filter(action="meeting.present").count() == 1


def test_both_sides_there_make_the_meeting_held_once(meeting, german, french):
    mark_present(meeting=meeting, side=german, now=NINE_THIRTY)
    assert not MeetingOutcome.objects.exists()
    mark_present(meeting=meeting, side=french, now=NINE_THIRTY)
    mark_present(meeting=meeting, side=french, now=NINE_THIRTY)
    outcome = MeetingOutcome.objects.get()
    assert (outcome.status, outcome.a_id, outcome.b_id, outcome.start) == (
        "held",
        german.pk,
        french.pk,
        meeting.start,
    )


def test_presence_opens_half_an_hour_before_and_closes_at_the_end(meeting, german):
    with pytest.raises(PresenceRuleError):
        mark_present(meeting=meeting, side=german, now=NINE_THIRTY - timedelta(minutes=31))
    with pytest.raises(PresenceRuleError):
        mark_present(meeting=meeting, side=german, now=meeting.end + timedelta(seconds=1))
    mark_present(meeting=meeting, side=german, now=NINE_THIRTY - timedelta(minutes=30))


def test_only_a_side_of_the_meeting_is_there(meeting, fair):
    third = factories.participant(fair, name="Third Ltd", country="GB", email="t@third.example")
    with pytest.raises(PresenceRuleError):
        mark_present(meeting=meeting, side=third, now=NINE_THIRTY)


def test_a_draft_meeting_has_no_presence(meeting, german):
    Meeting.objects.filter(pk=meeting.pk).update(published=False)
    with pytest.raises(PresenceRuleError):
        mark_present(meeting=meeting, side=german, now=NINE_THIRTY)


def test_no_show_waits_for_the_grace_period_to_the_second(meeting, german, french, owner):
    with pytest.raises(PresenceRuleError, match="grace"):
        mark_no_show(
            meeting=meeting,
            absent=french,
            by_side=german,
            user=owner,
            now=NINE_THIRTY + GRACE - timedelta(seconds=1),
        )
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    mark_no_show(
        meeting=meeting, absent=french, by_side=german, user=owner, now=NINE_THIRTY + GRACE
    )
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_grace_period_is_the_organizers(meeting, german, french, owner, fair):
    DayRules.objects.create(event=fair, no_show_grace_minutes=20)
    with pytest.raises(PresenceRuleError):
        mark_no_show(
            meeting=meeting, absent=french, by_side=german, user=owner, now=NINE_THIRTY + GRACE
        )
    mark_no_show(
        meeting=meeting,
        absent=french,
        by_side=german,
        user=owner,
        now=NINE_THIRTY + timedelta(minutes=20),
    )


def test_a_no_show_frees_the_slot_and_keeps_the_outcome(
    meeting, german, french, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        outcome = mark_no_show(
            meeting=meeting, absent=french, by_side=german, user=owner, now=NINE_THIRTY + GRACE
        )
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert (outcome.status, outcome.a_id, outcome.b_id, outcome.start) == (
        "no-show",
        german.pk,
        french.pk,
        NINE_THIRTY,
    )
    assert set(MeetingRequest.objects.values_list("status", flat=True)) == {"declined"}
    assert AuditEntry.objects.filter(action="meeting.no-show").count() == 1
    told = set(Notification.objects.values_list("user__delegate__organization_id", flat=True))
    assert told == {german.organization_id, french.organization_id}
    # The partner's slot is free: another meeting can take it at the same table.
    third = factories.participant(
        german.event, name="Third Ltd", country="GB", email="t@third.example"
    )
    meeting_between(german, third)


def test_the_absent_side_cannot_mark_itself(meeting, german, french, owner):
    with pytest.raises(PresenceRuleError, match="other side"):
        mark_no_show(
            meeting=meeting, absent=french, by_side=french, user=owner, now=NINE_THIRTY + GRACE
        )


def test_a_side_that_said_it_is_there_is_no_no_show(meeting, german, french, owner):
    mark_present(meeting=meeting, side=french, now=NINE_THIRTY)
    with pytest.raises(PresenceRuleError):
        mark_no_show(
            meeting=meeting, absent=french, by_side=german, user=owner, now=NINE_THIRTY + GRACE
        )
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_only_the_organizer_marks_without_a_side(meeting, french, german_user, owner):
    with pytest.raises(PresenceRuleError):
        mark_no_show(
            meeting=meeting, absent=french, by_side=None, user=german_user, now=NINE_THIRTY + GRACE
        )
    mark_no_show(meeting=meeting, absent=french, by_side=None, user=owner, now=NINE_THIRTY + GRACE)
    assert MeetingOutcome.objects.get().status == "no-show"


def test_a_side_of_another_event_cannot_mark_it(meeting, french, owner):
    other = factories.event(owner, name="Another fair")
    stranger = factories.participant(other, name="Stranger AG", country="AT", email="s@x.example")
    with pytest.raises(PresenceRuleError):
        mark_no_show(
            meeting=meeting, absent=french, by_side=stranger, user=owner, now=NINE_THIRTY + GRACE
        )
    with pytest.raises(PresenceRuleError):
        mark_no_show(
            meeting=meeting, absent=stranger, by_side=None, user=owner, now=NINE_THIRTY + GRACE
        )


def test_a_removed_meeting_takes_no_second_no_show(meeting, german, french, owner):
    mark_no_show(
        meeting=meeting, absent=french, by_side=german, user=owner, now=NINE_THIRTY + GRACE
    )
    with pytest.raises(PresenceRuleError, match="no longer"):
        mark_no_show(
            meeting=meeting, absent=french, by_side=german, user=owner, now=NINE_THIRTY + GRACE
        )
    assert MeetingOutcome.objects.count() == 1


def test_a_no_show_is_marked_on_the_meetings_day_only(meeting, german, french, owner):
    midnight = datetime(2026, 12, 2, 0, 0, tzinfo=NINE_THIRTY.tzinfo)
    with pytest.raises(PresenceRuleError, match="outcome"):
        mark_no_show(meeting=meeting, absent=french, by_side=german, user=owner, now=midnight)
    mark_no_show(
        meeting=meeting,
        absent=french,
        by_side=german,
        user=owner,
        now=midnight - timedelta(seconds=1),
    )


def test_after_a_no_show_either_side_may_ask_again(meeting, german, french, owner):
    mark_no_show(
        meeting=meeting, absent=french, by_side=german, user=owner, now=NINE_THIRTY + GRACE
    )
    again = send_request(requester=french, recipient=german, quota=None)
    assert again.status == "requested"


def test_held_and_no_show_travel_in_the_event_file(meeting, german, french, owner, fair):
    third = factories.participant(fair, name="Third Ltd", country="GB", email="t@third.example")
    later = meeting_between(german, third, start=NINE_THIRTY + timedelta(minutes=30))
    mark_present(meeting=meeting, side=german, now=NINE_THIRTY)
    mark_present(meeting=meeting, side=french, now=NINE_THIRTY)
    mark_no_show(
        meeting=later,
        absent=third,
        by_side=german,
        user=owner,
        now=later.start + GRACE,
    )
    exported = export_event(fair)
    statuses = {(o.a, o.b, o.status) for o in exported.outcomes.meetings}
    assert statuses == {(german.code, french.code, "held"), (german.code, third.code, "no-show")}
