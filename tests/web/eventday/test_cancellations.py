"""eventday.domain.cancellations: withdrawing a request, cancelling a meeting, and the cut-off."""

from datetime import timedelta

import pytest
from django.utils import translation

from matchfair.scheduling import validate_schedule
from matchfair.web import stored_text
from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain.cancellations import (
    CancellationRuleError,
    cancel_meeting,
    withdraw_request,
)
from matchfair.web.eventday.models import Cancellation, DayRules
from matchfair.web.exchange.from_database import export_event, export_schedule
from matchfair.web.meetings.domain.conflicts import move_conflicts
from matchfair.web.meetings.domain.requests import RequestRuleError, send_request
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.notify.models import Notification
from matchfair.web.outcomes.models import MeetingOutcome
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def _before(meeting: Meeting, minutes: int) -> object:
    return meeting.start - timedelta(minutes=minutes)


def _pair_request(world: World) -> MeetingRequest:
    return MeetingRequest.objects.get(
        event=world.event, requester=world.tegnology, recipient=world.tsinghua
    )


def test_a_side_cancelling_a_published_meeting_frees_its_slot_and_table_at_once(world: World):
    published, draft = world.published, world.draft
    draft.online = False  # at a table like the published meeting, to take its place
    draft.save(update_fields=["online"])
    into = {"session": published.session, "start": published.start, "location": published.location}
    assert move_conflicts(meeting=draft, **into), "the slot is taken before the cancellation"

    cancellation = cancel_meeting(
        meeting=published,
        by=world.tsinghua,
        user=world.tsinghua_user,
        reason="Our flight was cancelled.",
        now=_before(published, 180),
    )

    assert not Meeting.objects.filter(pk=published.pk).exists()
    assert move_conflicts(meeting=draft, **into) == []
    outcome = MeetingOutcome.objects.get(event=world.event, start=published.start)
    assert outcome.status == MeetingOutcome.Status.CANCELLED
    assert _pair_request(world).status == MeetingRequest.Status.DECLINED
    assert (cancellation.kind, cancellation.start, cancellation.meeting_number) == (
        Cancellation.Kind.CANCELLED,
        published.start,
        published.pk,
    )
    assert (cancellation.by_participation, cancellation.by) == (world.tsinghua, world.tsinghua_user)
    assert AuditEntry.objects.filter(event=world.event, action="meeting.cancelled").count() == 1


def test_both_sides_are_told_each_in_their_own_words(world: World):
    cancel_meeting(
        meeting=world.published,
        by=world.tsinghua,
        user=world.tsinghua_user,
        reason="Our flight was cancelled.",
        now=_before(world.published, 180),
    )

    told = {n.user: stored_text.render(n.message) for n in Notification.objects.all()}
    tsinghua = world.tsinghua.organization.name
    tegnology = world.tegnology.organization.name
    assert told[world.teg_user].startswith(f"{tsinghua} cancelled your meeting on ")
    assert told[world.teg_user].endswith("Reason: Our flight was cancelled.")
    assert told[world.tsinghua_user].startswith(f"You cancelled your meeting with {tegnology} on ")


def test_the_partner_reads_the_cancellation_in_its_own_language(world: World):
    cancel_meeting(
        meeting=world.published,
        by=world.tsinghua,
        user=world.tsinghua_user,
        reason="Our flight was cancelled.",
        now=_before(world.published, 180),
    )

    stored = Notification.objects.get(user=world.teg_user).message
    with translation.override("de"):
        german = stored_text.render(stored)
    with translation.override("zh-hans"):
        chinese = stored_text.render(stored)
    tsinghua = world.tsinghua.organization.name
    assert german.startswith(f"{tsinghua} hat Ihr Treffen am 18. November 2024")
    assert german.endswith("abgesagt. Grund: Our flight was cancelled.")
    assert chinese.startswith(f"{tsinghua} 取消了与您在 2024年11月18日")


def test_the_cut_off_holds_participants_to_the_minute_and_names_it(world: World):
    DayRules.objects.create(event=world.event, cancel_cutoff_minutes=120)
    meeting = world.published

    with pytest.raises(CancellationRuleError) as refused:
        cancel_meeting(
            meeting=meeting,
            by=world.tegnology,
            user=world.teg_user,
            reason="Late.",
            now=_before(meeting, 120) + timedelta(seconds=1),
        )
    assert "until 120 minutes before it starts" in str(refused.value)
    assert "18 November 2024" in str(refused.value)
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert not Cancellation.objects.exists()

    cancel_meeting(
        meeting=meeting,
        by=world.tegnology,
        user=world.teg_user,
        reason="Just in time.",
        now=_before(meeting, 120),
    )
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_organizer_cancels_within_the_cut_off_and_even_after_the_start(world: World):
    cancellation = cancel_meeting(
        meeting=world.published,
        by=None,
        user=world.organizer,
        reason="Tsinghua's delegate fell ill.",
        now=world.published.start + timedelta(minutes=5),
    )

    assert cancellation.by_participation is None
    assert not Meeting.objects.filter(pk=world.published.pk).exists()
    told = stored_text.render(Notification.objects.filter(user=world.teg_user).first().message)
    assert told.startswith("The organizer cancelled your meeting with ")


def test_a_second_cancellation_of_the_same_meeting_is_refused_naming_the_first(world: World):
    meeting = world.published
    args = {"by": world.tegnology, "user": world.teg_user, "reason": "No time."}
    cancel_meeting(meeting=meeting, now=_before(meeting, 300), **args)

    with pytest.raises(CancellationRuleError, match="was cancelled already"):
        cancel_meeting(meeting=meeting, now=_before(meeting, 299), **args)
    assert Cancellation.objects.count() == 1
    assert MeetingOutcome.objects.filter(event=world.event).count() == 1


def test_only_the_two_sides_cancel_a_meeting_whatever_their_event(world: World):
    stranger = Participation.objects.filter(event=world.other_event).first()
    for outsider in (world.smart_eye, stranger):
        with pytest.raises(CancellationRuleError, match="Only the two sides"):
            cancel_meeting(
                meeting=world.published,
                by=outsider,
                user=None,
                reason="Mischief.",
                now=_before(world.published, 600),
            )
    assert Meeting.objects.filter(pk=world.published.pk).exists()


def test_a_participant_cannot_cancel_a_draft_it_cannot_see(world: World):
    with pytest.raises(CancellationRuleError, match="not on your agenda"):
        cancel_meeting(
            meeting=world.draft,
            by=world.tegnology,
            user=world.teg_user,
            reason="?",
            now=_before(world.draft, 600),
        )


def test_the_organizer_cancels_a_draft_without_an_outcome(world: World):
    cancel_meeting(meeting=world.draft, by=None, user=world.organizer, reason="Double booked.")

    assert not Meeting.objects.filter(pk=world.draft.pk).exists()
    assert not MeetingOutcome.objects.filter(event=world.event, start=world.draft.start).exists()


def test_a_reason_is_required(world: World):
    with pytest.raises(CancellationRuleError) as refused:
        cancel_meeting(meeting=world.published, by=None, user=world.organizer, reason="  ")
    assert refused.value.field == "reason"


def _open_request(world: World) -> MeetingRequest:
    return MeetingRequest.objects.get(
        event=world.event, requester=world.smart_eye, recipient=world.tsinghua
    )


def test_the_sender_withdraws_an_open_request_and_may_ask_again_later(world: World):
    asked = _open_request(world)

    cancellation = withdraw_request(
        meeting_request=asked, by=world.smart_eye, user=world.smart_eye_user, reason="Merged."
    )

    asked.refresh_from_db()
    assert asked.status == MeetingRequest.Status.DECLINED
    assert (cancellation.kind, cancellation.start, cancellation.request) == (
        Cancellation.Kind.WITHDRAWN,
        None,
        asked,
    )
    assert AuditEntry.objects.filter(action="request.withdrawn").count() == 1
    told = stored_text.render(Notification.objects.get(user=world.tsinghua_user).message)
    assert (
        told == f"{world.smart_eye.organization.name} withdrew its meeting request. Reason: Merged."
    )
    again = send_request(requester=world.tsinghua, recipient=world.smart_eye, quota=None)
    assert again.status == MeetingRequest.Status.REQUESTED


def test_a_withdrawn_request_cannot_be_withdrawn_twice(world: World):
    asked = _open_request(world)
    args = {"meeting_request": asked, "by": world.smart_eye, "user": None, "reason": "x"}
    withdraw_request(**args)
    with pytest.raises(CancellationRuleError, match="withdrawn or declined already"):
        withdraw_request(**args)


def test_the_recipient_declines_an_open_request_rather_than_withdrawing_it(world: World):
    with pytest.raises(CancellationRuleError, match="declined, not withdrawn"):
        withdraw_request(
            meeting_request=_open_request(world), by=world.tsinghua, user=None, reason="x"
        )


def test_either_side_calls_off_an_accepted_request_and_its_draft_meeting_goes(world: World):
    asked = MeetingRequest.objects.create(
        event=world.event,
        requester=world.tegnology,
        recipient=world.smart_eye,
        status=MeetingRequest.Status.ACCEPTED,
    )

    withdraw_request(meeting_request=asked, by=world.smart_eye, user=None, reason="Changed plans.")

    assert not Meeting.objects.filter(pk=world.draft.pk).exists()
    asked.refresh_from_db()
    assert asked.status == MeetingRequest.Status.DECLINED


def test_a_request_with_a_published_meeting_is_cancelled_as_a_meeting(world: World):
    with pytest.raises(CancellationRuleError, match="cancel the meeting itself"):
        withdraw_request(meeting_request=_pair_request(world), by=None, user=None, reason="x")


def test_a_participant_cannot_withdraw_the_organizers_tailor_made_meeting(world: World):
    with pytest.raises(CancellationRuleError, match="ask the organizer"):
        withdraw_request(
            meeting_request=_pair_request(world), by=world.tegnology, user=None, reason="x"
        )


def test_a_new_request_after_a_cancelled_meeting_reopens_the_pair(world: World):
    cancel_meeting(meeting=world.published, by=None, user=None, reason="Moved to next year.")

    again = send_request(requester=world.tsinghua, recipient=world.tegnology, quota=None)
    assert again.status == MeetingRequest.Status.REQUESTED
    with pytest.raises(RequestRuleError):
        send_request(requester=world.tegnology, recipient=world.tsinghua, quota=None)


def test_after_cancellations_the_exported_schedule_satisfies_every_rule(world: World):

    world.draft.delete()  # the test world's draft has no request behind it: rule 1 of its own
    assert validate_schedule(export_event(world.event), export_schedule(world.event)) == []
    cancel_meeting(meeting=world.published, by=None, user=None, reason="Closed.")
    withdraw_request(meeting_request=_open_request(world), by=None, user=None, reason="Late.")

    event = export_event(world.event)
    statuses = {(o.a, o.b, o.status) for o in event.outcomes.meetings if o.status == "cancelled"}
    assert (world.tegnology.code, world.tsinghua.code, "cancelled") in statuses
    declined = {(r.from_, r.to) for r in event.meeting_requests if r.status == "declined"}
    assert (world.smart_eye.code, world.tsinghua.code) in declined
    assert (world.tegnology.code, world.tsinghua.code) in declined
    assert validate_schedule(event, export_schedule(world.event)) == []
