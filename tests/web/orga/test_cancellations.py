"""The organizer's cancel and withdraw pages, the list of cancellations, the day's rules."""

import pytest
from django.urls import reverse

from matchfair.web.eventday.models import Cancellation, DayRules
from matchfair.web.eventday.queries import day_rules_of
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.outcomes.models import MeetingOutcome
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def test_the_organizer_cancels_a_meeting_whenever_it_starts(client_for, world: World):
    client = client_for(world.organizer)
    url = reverse("orga:cancel_meeting", args=[world.event.pk, world.published.pk])
    schedule = client.get(reverse("orga:schedule", args=[world.event.pk])).content.decode()
    assert url in schedule

    response = client.post(url, {"reason": "The hall closed early."})

    assert response.status_code == 302
    assert response["Location"] == reverse("orga:cancellations", args=[world.event.pk])
    assert not Meeting.objects.filter(pk=world.published.pk).exists()
    assert (
        MeetingOutcome.objects.get(event=world.event, start=world.published.start).status
        == "cancelled"
    )
    listed = client.get(response["Location"]).content.decode()
    assert "The hall closed early." in listed
    again = client.post(url, {"reason": "Twice."})
    assert again.status_code == 404


def test_the_organizer_withdraws_a_request(client_for, world: World):
    asked = MeetingRequest.objects.get(requester=world.smart_eye, recipient=world.tsinghua)
    client = client_for(world.organizer)
    url = reverse("orga:cancel_request", args=[world.event.pk, asked.pk])
    assert (
        url in client.get(reverse("orga:meeting_requests", args=[world.event.pk])).content.decode()
    )

    assert client.post(url, {"reason": "Duplicate."}).status_code == 302

    asked.refresh_from_db()
    assert asked.status == MeetingRequest.Status.DECLINED
    assert Cancellation.objects.get().by_participation is None


def test_a_request_with_a_published_meeting_sends_the_organizer_to_the_meeting(
    client_for, world: World
):
    pair = MeetingRequest.objects.get(requester=world.tegnology, recipient=world.tsinghua)
    url = reverse("orga:cancel_request", args=[world.event.pk, pair.pk])
    response = client_for(world.organizer).get(url, follow=True)
    assert "cancel the meeting itself" in response.content.decode()


@pytest.mark.parametrize("who", ["viewer", "teg_user", "other_organizer"])
def test_nobody_but_the_organizer_cancels_through_the_organizer_pages(
    client_for, world: World, who: str
):
    client = client_for(getattr(world, who))
    meeting = reverse("orga:cancel_meeting", args=[world.event.pk, world.published.pk])
    rules = reverse("orga:day_rules", args=[world.event.pk])
    assert client.post(meeting, {"reason": "x"}).status_code in (403, 404)
    assert client.post(rules, {"cancel_cutoff_minutes": 0}).status_code in (403, 404)
    assert Meeting.objects.filter(pk=world.published.pk).exists()


def test_a_meeting_of_another_event_is_not_found(client_for, world: World):
    other = client_for(world.other_organizer)
    url = reverse("orga:cancel_meeting", args=[world.other_event.pk, world.published.pk])
    assert other.post(url, {"reason": "x"}).status_code == 404


def test_the_rules_of_the_day_are_saved_from_the_dashboard(client_for, world: World):
    client = client_for(world.organizer)
    url = reverse("orga:day_rules", args=[world.event.pk])
    assert url in client.get(reverse("orga:event", args=[world.event.pk])).content.decode()

    response = client.post(
        url, {"cancel_cutoff_minutes": 240, "no_show_grace_minutes": 15, "spot_booking": ""}
    )

    assert response.status_code == 302
    rules = day_rules_of(world.event)
    assert (rules.cancel_cutoff_minutes, rules.no_show_grace_minutes, rules.spot_booking) == (
        240,
        15,
        False,
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("cancel_cutoff_minutes", 20000, "At most 10080 minutes."),
        ("cancel_cutoff_minutes", -5, "greater than or equal to 0"),
        ("no_show_grace_minutes", 0, "at least a minute"),
        ("no_show_grace_minutes", 500, "At most 120 minutes."),
        ("no_show_grace_minutes", "soon", "Enter a whole number."),
    ],
)
def test_bad_rules_of_the_day_are_refused_naming_the_field(
    client_for, world: World, field: str, value: object, message: str
):
    data = {"cancel_cutoff_minutes": 120, "no_show_grace_minutes": 10, "spot_booking": "on"}
    response = client_for(world.organizer).post(
        reverse("orga:day_rules", args=[world.event.pk]), {**data, field: value}
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not DayRules.objects.filter(event=world.event).exists()
