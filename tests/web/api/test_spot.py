"""api.routers.spot: the slots left today for a pair and booking one, as on the Meet now page."""

from datetime import datetime

import pytest

from matchfair.web.eventday.models import DayRules
from matchfair.web.meetings.models import Meeting
from tests.web.eventday.spot_world import spot_world
from tests.web.factories import BERLIN, user_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(owner, monkeypatch):
    moment = datetime(2026, 12, 1, 9, 40, tzinfo=BERLIN)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
    return spot_world(owner)


def test_the_slots_left_today_come_with_the_table_a_booking_would_get(world, client_for):
    response = client_for(user_of(world.german)).get(
        f"/api/events/{world.event.pk}/spot/{world.nordic.pk}/slots"
    )

    assert response.status_code == 200
    slots = response.json()
    assert [s["start"] for s in slots][:2] == ["2026-12-01T08:30:00Z", "2026-12-01T09:00:00Z"]
    assert {s["location"] for s in slots} == {"table-1"}


def test_booking_answers_201_with_the_published_meeting(world, client_for):
    response = client_for(user_of(world.german)).post(
        f"/api/events/{world.event.pk}/spot",
        {"partner": world.nordic.pk, "session": "day1", "start": "2026-12-01T10:00:00+01:00"},
        content_type="application/json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["a"], body["b"], body["location"], body["published"]) == (
        world.german.pk,
        world.nordic.pk,
        "table-1",
        True,
    )


def test_a_refused_booking_answers_409_with_the_reasons(world, client_for):
    client = client_for(user_of(world.german))
    payload = {"partner": world.nordic.pk, "session": "day1", "start": "2026-12-01T10:00:00+01:00"}
    client.post(f"/api/events/{world.event.pk}/spot", payload, content_type="application/json")

    again = client.post(
        f"/api/events/{world.event.pk}/spot", payload, content_type="application/json"
    )

    assert again.status_code == 409
    assert again.json()["errors"][0]["message"] == "You have a meeting with Nordic Wind AS already."
    assert Meeting.objects.count() == 1


def test_switched_off_both_endpoints_answer_409_in_words(world, client_for):
    DayRules.objects.create(event=world.event, spot_booking=False)
    client = client_for(user_of(world.german))

    slots = client.get(f"/api/events/{world.event.pk}/spot/{world.nordic.pk}/slots")
    booked = client.post(
        f"/api/events/{world.event.pk}/spot",
        {"partner": world.nordic.pk, "session": "day1", "start": "2026-12-01T10:00:00+01:00"},
        content_type="application/json",
    )

    assert (slots.status_code, booked.status_code) == (409, 409)
    assert "switched off" in booked.json()["errors"][0]["message"]


def test_an_unknown_partner_or_session_is_a_422_naming_the_field(world, client_for):
    client = client_for(user_of(world.german))

    partner = client.post(
        f"/api/events/{world.event.pk}/spot",
        {"partner": 999999, "session": "day1", "start": "2026-12-01T10:00:00+01:00"},
        content_type="application/json",
    )
    session = client.post(
        f"/api/events/{world.event.pk}/spot",
        {"partner": world.nordic.pk, "session": "day9", "start": "2026-12-01T10:00:00+01:00"},
        content_type="application/json",
    )

    assert (partner.status_code, partner.json()["errors"][0]["field"]) == (422, "partner")
    assert (session.status_code, session.json()["errors"][0]["field"]) == (422, "session")


def test_an_organizer_without_an_organization_of_its_own_cannot_book(world, client_for, owner):
    response = client_for(owner).post(
        f"/api/events/{world.event.pk}/spot",
        {"partner": world.nordic.pk, "session": "day1", "start": "2026-12-01T10:00:00+01:00"},
        content_type="application/json",
    )

    assert response.status_code == 403
