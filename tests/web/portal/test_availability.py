"""The participant's available times: slots in the participant's zone, stored as windows,
refusals shown on the page, closed after the profile deadline, reached from the menu."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Session
from matchfair.web.notify.domain.portal_rules import rules_of
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def url(participation: Participation) -> str:
    return reverse("portal:availability", args=[participation.pk])


def keys(world: World, code: str, indexes: list[int]) -> list[str]:
    session = Session.objects.get(event=world.event, code=code)
    return [f"{session.pk}-{index}" for index in indexes]


def post_slots(client, world: World, participation: Participation, chosen: dict[str, list[int]]):
    data: dict[str, list[str]] = {}
    for code, indexes in chosen.items():
        session = Session.objects.get(event=world.event, code=code)
        data[f"session_{session.pk}"] = keys(world, code, indexes)
    return client.post(url(participation), data)


def test_the_menu_leads_to_the_page_and_the_stored_windows_are_ticked(client_for, world: World):
    client = client_for(world.teg_user)
    agenda = client.get(reverse("portal:agenda", args=[world.tegnology.pk])).content.decode()
    assert url(world.tegnology) in agenda
    page = client.get(url(world.tegnology)).content.decode()
    ticked = re.findall(r'value="([0-9-]+)" id="[^"]+" checked', page)
    # TEGnology can meet 14:00-15:00 on day 1 (its first two slots) and all of day 2.
    assert ticked == keys(world, "day1-pm", [0, 1]) + keys(world, "day2-online", [0, 1])
    assert "14:25–14:45" in page
    assert "Asia/Shanghai" in page


def test_ticked_slots_are_stored_as_windows_and_all_ticked_means_every_session(
    client_for, world: World
):
    client = client_for(world.smart_eye_user)
    response = post_slots(client, world, world.smart_eye, {"day1-pm": [2, 3], "day2-online": [1]})
    assert response.status_code == 302
    assert Participation.objects.get(pk=world.smart_eye.pk).availability == [
        {"start": "2024-11-18T14:50:00+08:00", "end": "2024-11-18T15:35:00+08:00"},
        {"start": "2024-11-19T09:30:00+08:00", "end": "2024-11-19T10:00:00+08:00"},
    ]
    post_slots(client, world, world.smart_eye, {"day1-pm": [0, 1, 2, 3, 4], "day2-online": [0, 1]})
    assert Participation.objects.get(pk=world.smart_eye.pk).availability is None


def test_leaving_a_published_meeting_outside_is_refused_on_the_page(client_for, world: World):
    response = post_slots(client_for(world.teg_user), world, world.tegnology, {"day1-pm": [3]})
    assert response.status_code == 200
    assert "lies outside these times" in response.content.decode()
    assert Participation.objects.get(pk=world.tegnology.pk).availability is not None


def test_after_the_profile_deadline_the_times_stay(client_for, world: World):
    rules = rules_of(world.event)
    rules.profile_deadline = timezone.now() - timedelta(days=1)
    rules.save()
    response = post_slots(
        client_for(world.smart_eye_user), world, world.smart_eye, {"day1-pm": [0]}
    )
    assert response.status_code == 200
    assert "Profiles could be changed until" in response.content.decode()
    assert Participation.objects.get(pk=world.smart_eye.pk).availability is None


def test_another_organizations_page_is_closed(client_for, world: World):
    assert client_for(world.smart_eye_user).get(url(world.tegnology)).status_code in (403, 404)
