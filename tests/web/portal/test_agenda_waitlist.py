"""The agenda's programme: sign up, join a full item's waitlist, see the position, leave it."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from matchfair.web.eventday.domain import waitlists
from matchfair.web.eventday.models import WaitlistEntry
from matchfair.web.events.domain.programme import add_agenda_item
from matchfair.web.events.models import AgendaItem, SignUp
from tests.web.factories import World, delegate

pytestmark = pytest.mark.django_db

START = datetime(2026, 12, 1, 14, 0, tzinfo=ZoneInfo("UTC"))


def _bus(world: World) -> AgendaItem:
    return add_agenda_item(
        event=world.event,
        kind="site-visit",
        title="Bus to the wind farm",
        start=START,
        end=START + timedelta(hours=2),
        capacity=1,
    )


def _act(client, world: World, participation, item: AgendaItem, action: str):
    return client.post(
        reverse("portal:toggle_item", args=[participation.pk, item.pk]),
        {"action": action},
        follow=True,
    )


def test_a_full_item_offers_the_waitlist_and_shows_the_position(client_for, world: World):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    client = client_for(world.tsinghua_user)
    page = client.get(reverse("portal:agenda", args=[world.tsinghua.pk])).content.decode()
    assert "Join the waitlist" in page
    assert 'value="sign-up"' not in page

    joined = _act(client, world, world.tsinghua, bus, "wait").content.decode()
    assert "You are on the waitlist." in joined
    assert "Waitlist: number 1" in joined
    assert "Leave the waitlist" in joined

    left = _act(client, world, world.tsinghua, bus, "leave").content.decode()
    assert "You left the waitlist." in left
    assert not WaitlistEntry.objects.filter(item=bus).exists()


def test_cancelling_on_the_page_hands_the_place_to_the_first_waiting(client_for, world: World):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    waitlists.join_waitlist(item=bus, participation=world.tsinghua)
    _act(client_for(world.teg_user), world, world.tegnology, bus, "cancel")
    assert list(SignUp.objects.filter(item=bus).values_list("participation", flat=True)) == [
        world.tsinghua.pk
    ]
    page = client_for(world.tsinghua_user).get(reverse("portal:agenda", args=[world.tsinghua.pk]))
    assert "Cancel sign-up" in page.content.decode()


def test_a_refused_sign_up_is_shown_not_raised(client_for, world: World):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    page = _act(client_for(world.tsinghua_user), world, world.tsinghua, bus, "sign-up")
    assert page.status_code == 200
    assert "is full" in page.content.decode()


def test_another_events_delegate_cannot_reach_the_item(client_for, world: World):
    bus = _bus(world)
    stranger = world.other_event.participations.first()
    response = client_for(delegate(stranger, "stranger")).post(
        reverse("portal:toggle_item", args=[stranger.pk, bus.pk]), {"action": "wait"}
    )
    assert response.status_code == 404
