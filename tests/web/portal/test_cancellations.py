"""The participant's cancel and withdraw pages, and the cancelled meetings on the agenda."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from matchfair.web.eventday.models import Cancellation, DayRules
from matchfair.web.meetings.models import Meeting, MeetingRequest
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def _tomorrow(meeting: Meeting, hours: float = 24) -> Meeting:
    start = timezone.now() + timedelta(hours=hours)
    Meeting.objects.filter(pk=meeting.pk).update(start=start, end=start + timedelta(minutes=20))
    meeting.refresh_from_db()
    return meeting


def _cancel_url(world: World, meeting: Meeting) -> str:
    return reverse("portal:cancel_meeting", args=[world.tegnology.pk, meeting.pk])


def test_a_side_cancels_from_its_agenda_and_the_partner_reads_why(client_for, world: World):
    meeting = _tomorrow(world.published)
    teg = client_for(world.teg_user)
    agenda = teg.get(reverse("portal:agenda", args=[world.tegnology.pk])).content.decode()
    assert _cancel_url(world, meeting) in agenda

    response = teg.post(_cancel_url(world, meeting), {"reason": "Our CEO is ill."})

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:agenda", args=[world.tegnology.pk])
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    partner_agenda = client_for(world.tsinghua_user).get(
        reverse("portal:agenda", args=[world.tsinghua.pk])
    )
    cancelled = partner_agenda.content.decode().split('id="cancelled"')[1]
    assert "Our CEO is ill." in cancelled
    assert world.tegnology.organization.name in cancelled


def test_past_the_cut_off_the_agenda_offers_nothing_and_the_page_says_why(client_for, world):
    DayRules.objects.create(event=world.event, cancel_cutoff_minutes=180)
    meeting = _tomorrow(world.published, hours=2)
    teg = client_for(world.teg_user)
    agenda = teg.get(reverse("portal:agenda", args=[world.tegnology.pk])).content.decode()
    assert _cancel_url(world, meeting) not in agenda

    response = teg.get(_cancel_url(world, meeting), follow=True)

    assert "until 180 minutes before it starts" in response.content.decode()
    assert teg.post(_cancel_url(world, meeting), {"reason": "x"}).status_code == 302
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_reason_is_asked_for_and_nothing_changes_without_one(client_for, world: World):
    meeting = _tomorrow(world.published)
    response = client_for(world.teg_user).post(_cancel_url(world, meeting), {"reason": " "})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_another_organization_cannot_reach_the_meeting(client_for, world: World):
    meeting = _tomorrow(world.published)
    smart_eye = client_for(world.smart_eye_user)
    own_page = reverse("portal:cancel_meeting", args=[world.smart_eye.pk, meeting.pk])
    assert smart_eye.post(own_page, {"reason": "x"}).status_code == 404
    assert smart_eye.post(_cancel_url(world, meeting), {"reason": "x"}).status_code == 403
    other = client_for(world.other_organizer)
    assert other.post(_cancel_url(world, meeting), {"reason": "x"}).status_code == 403
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_sender_withdraws_an_open_request_from_the_requests_page(client_for, world: World):
    asked = MeetingRequest.objects.get(requester=world.smart_eye, recipient=world.tsinghua)
    client = client_for(world.smart_eye_user)
    url = reverse("portal:withdraw_request", args=[world.smart_eye.pk, asked.pk])
    page = client.get(reverse("portal:requests", args=[world.smart_eye.pk])).content.decode()
    assert url in page

    response = client.post(url, {"reason": "We found a partner."})

    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == MeetingRequest.Status.DECLINED
    assert Cancellation.objects.get().kind == Cancellation.Kind.WITHDRAWN
    received = client_for(world.tsinghua_user).get(
        reverse("portal:agenda", args=[world.tsinghua.pk])
    )
    assert "We found a partner." in received.content.decode()
    partner = client.get(reverse("portal:partner", args=[world.smart_eye.pk, world.tsinghua.pk]))
    assert partner.context["open_request"] is False, "the pair is open to a new request"


def test_the_recipient_is_not_offered_to_withdraw_an_open_request(client_for, world: World):
    asked = MeetingRequest.objects.get(requester=world.smart_eye, recipient=world.tsinghua)
    client = client_for(world.tsinghua_user)
    url = reverse("portal:withdraw_request", args=[world.tsinghua.pk, asked.pk])
    page = client.get(reverse("portal:requests", args=[world.tsinghua.pk])).content.decode()
    assert url not in page
    response = client.get(url, follow=True)
    assert "declined, not withdrawn" in response.content.decode()


def test_a_tailor_made_meeting_is_left_to_the_organizer(client_for, world: World):
    tailor_made = MeetingRequest.objects.get(requester=world.tegnology, recipient=world.tsinghua)
    client = client_for(world.teg_user)
    url = reverse("portal:withdraw_request", args=[world.tegnology.pk, tailor_made.pk])
    assert client.post(url, {"reason": "x"}).status_code == 302
    tailor_made.refresh_from_db()
    assert tailor_made.status == MeetingRequest.Status.ACCEPTED
