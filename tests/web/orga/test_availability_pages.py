"""The organizer sets any organization's available times from its edit page, in the
event's zone; refusals show on the page; other events' organizers are kept out."""

import pytest
from django.urls import reverse

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Session
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def url(world: World, participation: Participation) -> str:
    return reverse("orga:organization_availability", args=[world.event.pk, participation.pk])


def test_the_edit_page_links_to_the_times_and_they_are_saved(client_for, world: World):
    client = client_for(world.organizer)
    edit = reverse("orga:edit_organization", args=[world.event.pk, world.smart_eye.pk])
    assert url(world, world.smart_eye) in client.get(edit).content.decode()
    session = Session.objects.get(event=world.event, code="day2-online")
    response = client.post(
        url(world, world.smart_eye), {f"session_{session.pk}": [f"{session.pk}-0"]}
    )
    assert response["Location"] == edit
    assert Participation.objects.get(pk=world.smart_eye.pk).availability == [
        {"start": "2024-11-19T09:00:00+08:00", "end": "2024-11-19T09:30:00+08:00"}
    ]


def test_leaving_a_published_meeting_outside_names_it(client_for, world: World):
    response = client_for(world.organizer).post(url(world, world.tegnology), {})
    page = response.content.decode()
    assert response.status_code == 200
    assert "The published meeting with 清华四川能源互联网研究院 at Mon 18 Nov 14:00" in page


def test_another_events_organizer_and_a_participant_are_kept_out(client_for, world: World):
    assert client_for(world.other_organizer).get(url(world, world.tegnology)).status_code in (
        403,
        404,
    )
    assert client_for(world.teg_user).get(url(world, world.tegnology)).status_code in (
        302,
        403,
        404,
    )
