"""The organizer's page that places an accepted request no run placed (orga.views.placement),
reached from the schedule review and the requests list."""

import pytest
from django.urls import reverse

from matchfair.web.meetings.domain.publishing import publish_schedule
from matchfair.web.meetings.models import Meeting, MeetingRequest, UnscheduledMeeting
from matchfair.web.notify.models import Notification
from tests.web.factories import delegate

pytestmark = pytest.mark.django_db

FULL = "清华四川能源互联网研究院 is fully booked."


@pytest.fixture
def late(event) -> MeetingRequest:
    request = MeetingRequest.objects.get(event=event, requester__code="smart-eye")
    request.status = MeetingRequest.Status.ACCEPTED
    request.save(update_fields=["status"])
    UnscheduledMeeting.objects.create(
        event=event, a=request.requester, b=request.recipient, reason=FULL
    )
    return request


def test_the_schedule_and_the_requests_list_show_the_state_reason_and_link(
    organizer_client, event, late
):
    place = reverse("orga:place_request", args=[event.pk, late.pk])
    for page in ("orga:schedule", "orga:meeting_requests"):
        content = organizer_client.get(reverse(page, args=[event.pk])).content.decode()
        assert "not on the schedule" in content
        assert FULL in content
        assert f'href="{place}"' in content


def test_the_page_offers_only_free_slots_and_places_the_meeting(
    organizer_client, event, late, django_capture_on_commit_callbacks
):
    delegate(late.requester, "smart-eye-ceo")
    publish_schedule(event=event)
    url = reverse("orga:place_request", args=[event.pk, late.pk])
    session = event.sessions.get(code="day1-pm")

    offered = organizer_client.get(url).context["form"].fields["place"].choices
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(url, {"place": f"{session.pk}|1@room-1"})

    assert len(offered) == 6
    assert f"{session.pk}|0@room-1" not in str(offered)  # Tsinghua is busy at 14:00
    assert response.status_code == 302
    meeting = Meeting.objects.get(event=event, a=late.requester)
    assert (meeting.start.isoformat(), meeting.location, meeting.published) == (
        "2024-11-18T06:25:00+00:00",
        "room-1",
        True,
    )
    assert Notification.objects.filter(user__username="smart-eye-ceo").exists()


def test_a_slot_not_offered_is_refused_on_the_form(organizer_client, event, late):
    url = reverse("orga:place_request", args=[event.pk, late.pk])
    session = event.sessions.get(code="day1-pm")

    response = organizer_client.post(url, {"place": f"{session.pk}|0@room-1"})

    assert response.status_code == 200
    assert "is not one of the available choices" in response.content.decode()
    assert not Meeting.objects.filter(event=event, a=late.requester).exists()


def test_a_request_already_on_the_schedule_leads_back_to_it(organizer_client, event):
    met = MeetingRequest.objects.get(event=event, requester__code="tegnology")

    response = organizer_client.get(reverse("orga:place_request", args=[event.pk, met.pk]))

    assert response.status_code == 302
    assert response.url == reverse("orga:schedule", args=[event.pk])


def test_participants_see_their_accepted_request_is_not_on_the_schedule_and_why(
    client_for, event, late
):
    for side, name in ((late.requester, "smart-eye-ceo"), (late.recipient, "tsinghua-ceo")):
        client = client_for(delegate(side, name))
        content = client.get(reverse("portal:requests", args=[side.pk])).content.decode()
        assert "not on the schedule" in content
        assert FULL in content


def test_both_agendas_list_the_accepted_request_that_is_not_on_them(client_for, event, late):
    for side, name in ((late.requester, "smart-eye-ceo"), (late.recipient, "tsinghua-ceo")):
        client = client_for(delegate(side, name))
        content = client.get(reverse("portal:agenda", args=[side.pk])).content.decode()
        assert "Accepted, but not on your agenda" in content
        assert FULL in content


def test_only_the_organizer_may_place(client_for, event, late):
    client = client_for(delegate(late.requester, "smart-eye-ceo"))

    response = client.get(reverse("orga:place_request", args=[event.pk, late.pk]))

    assert response.status_code == 403
