"""Withdrawing, cancelling and reading cancellations through the API, with the pages' rules."""

from datetime import timedelta

import pytest
from django.utils import timezone

from matchfair.web.eventday.models import Cancellation, DayRules
from matchfair.web.meetings.models import Meeting, MeetingRequest
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def post(client, url: str, body: dict):
    return client.post(url, body, content_type="application/json")


def _cancel(world: World, meeting_id: int | None = None, event_id: int | None = None) -> str:
    event_id = event_id or world.event.pk
    return f"/api/events/{event_id}/meetings/{meeting_id or world.published.pk}/cancel"


def _in(meeting: Meeting, hours: float) -> None:
    start = timezone.now() + timedelta(hours=hours)
    Meeting.objects.filter(pk=meeting.pk).update(start=start, end=start + timedelta(minutes=20))


def test_a_side_cancels_its_meeting_and_both_read_the_cancellation(client_for, world: World):
    _in(world.published, 24)
    teg = client_for(world.teg_user)

    response = post(teg, _cancel(world), {"reason": "Flight cancelled."})

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["kind"], body["meeting"], body["by"], body["reason"]) == (
        "cancelled",
        world.published.pk,
        world.tegnology.pk,
        "Flight cancelled.",
    )
    assert not Meeting.objects.filter(pk=world.published.pk).exists()
    read = client_for(world.tsinghua_user).get(f"/api/events/{world.event.pk}/cancellations")
    assert [row["id"] for row in read.json()["items"]] == [body["id"]]
    outsider = client_for(world.smart_eye_user).get(f"/api/events/{world.event.pk}/cancellations")
    assert outsider.json()["items"] == []


def test_a_second_cancel_is_a_409_naming_it_not_a_500(client_for, world: World):
    _in(world.published, 24)
    teg = client_for(world.teg_user)
    assert post(teg, _cancel(world), {"reason": "No."}).status_code == 201

    again = post(teg, _cancel(world), {"reason": "No."})

    assert again.status_code == 409
    assert again.json()["errors"][0]["message"] == "This meeting was cancelled already."
    assert Cancellation.objects.count() == 1


def test_past_the_cut_off_a_side_gets_a_409_naming_it_and_the_organizer_cancels(
    client_for, world: World
):
    DayRules.objects.create(event=world.event, cancel_cutoff_minutes=90)
    _in(world.published, 1)

    refused = post(client_for(world.teg_user), _cancel(world), {"reason": "Late."})

    assert refused.status_code == 409
    assert "until 90 minutes before it starts" in refused.json()["errors"][0]["message"]
    done = post(client_for(world.organizer), _cancel(world), {"reason": "Late."})
    assert (done.status_code, done.json()["by"]) == (201, None)


def test_a_missing_reason_is_a_422_naming_the_field(client_for, world: World):
    for body in ({}, {"reason": "   "}, {"reason": "x" * 501}):
        response = post(client_for(world.organizer), _cancel(world), body)
        assert response.status_code == 422, body
        assert response.json()["errors"][0]["field"] == "reason"
    assert Meeting.objects.filter(pk=world.published.pk).exists()


def test_outsiders_get_403_or_404_and_change_nothing(client_for, world: World):
    _in(world.published, 24)
    viewer = post(client_for(world.viewer), _cancel(world), {"reason": "x"})
    other_side = post(client_for(world.smart_eye_user), _cancel(world), {"reason": "x"})
    other_organizer = post(client_for(world.other_organizer), _cancel(world), {"reason": "x"})
    other_event = post(
        client_for(world.other_organizer),
        _cancel(world, event_id=world.other_event.pk),
        {"reason": "x"},
    )
    assert (viewer.status_code, other_side.status_code) == (403, 404)
    assert (other_organizer.status_code, other_event.status_code) == (404, 404)
    assert Meeting.objects.filter(pk=world.published.pk).exists()


def test_the_sender_withdraws_a_request_and_the_recipient_cannot(client_for, world: World):
    asked = MeetingRequest.objects.get(requester=world.smart_eye, recipient=world.tsinghua)
    url = f"/api/events/{world.event.pk}/requests/{asked.pk}/withdraw"

    refused = post(client_for(world.tsinghua_user), url, {"reason": "x"})
    done = post(client_for(world.smart_eye_user), url, {"reason": "Merged with another firm."})
    again = post(client_for(world.smart_eye_user), url, {"reason": "Again."})

    assert refused.status_code == 409
    assert "declined, not withdrawn" in refused.json()["errors"][0]["message"]
    assert (done.status_code, done.json()["kind"], done.json()["request"]) == (
        201,
        "withdrawn",
        asked.pk,
    )
    assert again.status_code == 409
    asked.refresh_from_db()
    assert asked.status == MeetingRequest.Status.DECLINED
    listed = client_for(world.organizer).get(
        f"/api/events/{world.event.pk}/cancellations?kind=withdrawn"
    )
    assert [row["request"] for row in listed.json()["items"]] == [asked.pk]
