"""The programme's places through the API: the pages' rules, 409 in their words, 404 elsewhere."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from matchfair.web.eventday.models import WaitlistEntry
from matchfair.web.events.domain.programme import add_agenda_item
from matchfair.web.events.models import AgendaItem, SignUp
from matchfair.web.notify.models import Notification
from tests.web.factories import World

pytestmark = pytest.mark.django_db

START = datetime(2026, 12, 1, 14, 0, tzinfo=ZoneInfo("UTC"))


def _bus(world: World, capacity: int = 1) -> AgendaItem:
    return add_agenda_item(
        event=world.event,
        kind="site-visit",
        title="Bus",
        start=START,
        end=START + timedelta(hours=2),
        capacity=capacity,
    )


def _url(world: World, item: AgendaItem, tail: str) -> str:
    return f"/api/events/{world.event.pk}/agenda-items/{item.pk}/{tail}"


def test_a_participant_signs_up_waits_and_the_freed_place_passes_on(client_for, world: World):
    bus = _bus(world)
    teg, tsinghua = client_for(world.teg_user), client_for(world.tsinghua_user)

    assert teg.post(_url(world, bus, "sign-up")).status_code == 201
    full = tsinghua.post(_url(world, bus, "sign-up"))
    assert full.status_code == 409
    assert "is full" in full.json()["errors"][0]["message"]
    waiting = tsinghua.post(_url(world, bus, "waitlist"))
    assert waiting.status_code == 201
    assert (waiting.json()["waitlist_position"], waiting.json()["free"]) == (1, 0)

    given_back = teg.delete(_url(world, bus, "sign-up"))
    assert given_back.status_code == 200
    assert given_back.json()["signed_up"] is False
    mine = tsinghua.get(f"/api/events/{world.event.pk}/agenda-items").json()
    assert [(i["id"], i["signed_up"], i["waitlist_position"]) for i in mine] == [
        (bus.pk, True, None)
    ]
    assert Notification.objects.filter(user=world.tsinghua_user).count() == 1


def test_waiting_while_a_place_is_free_is_refused(client_for, world: World):
    bus = _bus(world, capacity=2)
    response = client_for(world.teg_user).post(_url(world, bus, "waitlist"))
    assert response.status_code == 409
    assert "free place" in response.json()["errors"][0]["message"]


def test_the_organizer_reads_the_list_and_takes_a_place_back(client_for, world: World):
    bus = _bus(world)
    client_for(world.teg_user).post(_url(world, bus, "sign-up"))
    client_for(world.tsinghua_user).post(_url(world, bus, "waitlist"))
    client_for(world.smart_eye_user).post(_url(world, bus, "waitlist"))
    organizer = client_for(world.organizer)

    places = organizer.get(_url(world, bus, "places")).json()
    assert [p["participation"] for p in places["sign_ups"]] == [world.tegnology.pk]
    assert [(w["participation"], w["position"]) for w in places["waitlist"]] == [
        (world.tsinghua.pk, 1),
        (world.smart_eye.pk, 2),
    ]
    last = places["waitlist"][1]["id"]
    assert organizer.post(f"/api/events/{world.event.pk}/waitlist/{last}/top").status_code == 204
    taken = places["sign_ups"][0]["id"]
    assert organizer.delete(f"/api/events/{world.event.pk}/sign-ups/{taken}").status_code == 204
    assert set(SignUp.objects.filter(item=bus).values_list("participation", flat=True)) == {
        world.smart_eye.pk
    }
    first = WaitlistEntry.objects.get(item=bus)
    assert organizer.delete(f"/api/events/{world.event.pk}/waitlist/{first.pk}").status_code == 204
    assert not WaitlistEntry.objects.filter(item=bus).exists()


def test_participants_and_viewers_do_not_manage_the_lists(client_for, world: World):
    bus = _bus(world)
    client_for(world.teg_user).post(_url(world, bus, "sign-up"))
    taken = SignUp.objects.get(item=bus)
    assert client_for(world.tsinghua_user).get(_url(world, bus, "places")).status_code == 403
    assert client_for(world.viewer).get(_url(world, bus, "places")).status_code == 200
    for user in (world.tsinghua_user, world.viewer):
        gone = client_for(user).delete(f"/api/events/{world.event.pk}/sign-ups/{taken.pk}")
        assert gone.status_code == 403
    assert client_for(world.viewer).post(_url(world, bus, "sign-up")).status_code == 403
    assert SignUp.objects.filter(item=bus).count() == 1


def test_an_attacker_from_another_event_finds_nothing(client_for, world: World):
    bus = _bus(world)
    client_for(world.teg_user).post(_url(world, bus, "sign-up"))
    client_for(world.tsinghua_user).post(_url(world, bus, "waitlist"))
    taken, entry = SignUp.objects.get(item=bus), WaitlistEntry.objects.get(item=bus)
    stranger = client_for(world.other_organizer)
    event = world.event.pk
    for response in (
        stranger.get(f"/api/events/{event}/agenda-items"),
        stranger.get(_url(world, bus, "places")),
        stranger.post(_url(world, bus, "sign-up")),
        stranger.delete(f"/api/events/{event}/sign-ups/{taken.pk}"),
        stranger.delete(f"/api/events/{event}/waitlist/{entry.pk}"),
        stranger.post(f"/api/events/{event}/waitlist/{entry.pk}/top"),
    ):
        assert response.status_code == 404
    other = world.other_event.pk
    for response in (
        stranger.get(f"/api/events/{other}/agenda-items/{bus.pk}/places"),
        stranger.delete(f"/api/events/{other}/sign-ups/{taken.pk}"),
        stranger.delete(f"/api/events/{other}/waitlist/{entry.pk}"),
    ):
        assert response.status_code == 404
    assert SignUp.objects.filter(item=bus).count() == 1
    assert WaitlistEntry.objects.filter(item=bus).count() == 1
