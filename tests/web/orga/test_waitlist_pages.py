"""The programme page's sign-ups and waitlists: the organizer takes a place back, moves, removes."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from matchfair.web.eventday.domain import waitlists
from matchfair.web.eventday.models import WaitlistEntry
from matchfair.web.events.domain.programme import add_agenda_item
from matchfair.web.events.models import AgendaItem, SignUp
from tests.web.factories import World

pytestmark = pytest.mark.django_db

START = datetime(2026, 12, 1, 14, 0, tzinfo=ZoneInfo("UTC"))


def _full_bus(world: World) -> AgendaItem:
    bus = add_agenda_item(
        event=world.event,
        kind="site-visit",
        title="Bus to the wind farm",
        start=START,
        end=START + timedelta(hours=2),
        capacity=1,
    )
    waitlists.sign_up(item=bus, participation=world.tegnology)
    waitlists.join_waitlist(item=bus, participation=world.tsinghua)
    waitlists.join_waitlist(item=bus, participation=world.smart_eye)
    return bus


def _signed(item: AgendaItem) -> list[int]:
    return list(SignUp.objects.filter(item=item).values_list("participation", flat=True))


def test_the_programme_page_lists_each_waitlist_in_order(client_for, world: World):
    _full_bus(world)
    page = client_for(world.organizer).get(reverse("orga:programme", args=[world.event.pk]))
    text = page.content.decode()
    assert "Waitlist (2):" in text
    assert text.index(world.tsinghua.organization.name) < text.index(
        world.smart_eye.organization.name
    )
    assert "Move to the top" in text


def test_a_viewer_sees_the_lists_without_buttons(client_for, world: World):
    _full_bus(world)
    text = client_for(world.viewer).get(reverse("orga:programme", args=[world.event.pk]))
    assert "Waitlist (2):" in text.content.decode()
    assert "Move to the top" not in text.content.decode()


def test_moving_up_then_taking_a_place_back_serves_the_moved(client_for, world: World):
    bus = _full_bus(world)
    client = client_for(world.organizer)
    last = WaitlistEntry.objects.get(item=bus, participation=world.smart_eye)
    client.post(reverse("orga:waitlist_entry", args=[world.event.pk, last.pk]), {"action": "top"})
    taken = SignUp.objects.get(item=bus)
    page = client.post(reverse("orga:cancel_sign_up", args=[world.event.pk, taken.pk]), follow=True)
    assert "got the place from the waitlist" in page.content.decode()
    assert _signed(bus) == [world.smart_eye.pk]


def test_removing_from_the_list(client_for, world: World):
    bus = _full_bus(world)
    first = WaitlistEntry.objects.get(item=bus, participation=world.tsinghua)
    client_for(world.organizer).post(
        reverse("orga:waitlist_entry", args=[world.event.pk, first.pk]), {"action": "remove"}
    )
    assert list(WaitlistEntry.objects.filter(item=bus).values_list("participation", flat=True)) == [
        world.smart_eye.pk
    ]


def test_raising_the_capacity_on_the_edit_page_promotes(client_for, world: World):
    bus = _full_bus(world)
    client_for(world.organizer).post(
        reverse("orga:edit_agenda_item", args=[world.event.pk, bus.pk]),
        {
            "kind": bus.kind,
            "title": bus.title,
            "start": "2026-12-01 15:00",
            "end": "2026-12-01 17:00",
            "place": "",
            "capacity": "3",
            "description": "",
        },
    )
    assert set(_signed(bus)) == {world.tegnology.pk, world.tsinghua.pk, world.smart_eye.pk}


def test_viewers_participants_and_other_organizers_change_nothing(client_for, world: World):
    bus = _full_bus(world)
    taken = SignUp.objects.get(item=bus)
    entry = WaitlistEntry.objects.get(item=bus, participation=world.tsinghua)
    for user in (world.viewer, world.teg_user, world.other_organizer):
        client = client_for(user)
        cancel = client.post(reverse("orga:cancel_sign_up", args=[world.event.pk, taken.pk]))
        remove = client.post(reverse("orga:waitlist_entry", args=[world.event.pk, entry.pk]))
        assert (cancel.status_code, remove.status_code) == (403, 403)
    assert _signed(bus) == [world.tegnology.pk]
    assert WaitlistEntry.objects.filter(item=bus).count() == 2
    other = world.other_event.pk
    stranger = client_for(world.other_organizer)
    # Through their own event, the ids of this one's rows lead nowhere.
    cancel = stranger.post(reverse("orga:cancel_sign_up", args=[other, taken.pk]))
    remove = stranger.post(reverse("orga:waitlist_entry", args=[other, entry.pk]))
    assert (cancel.status_code, remove.status_code) == (404, 404)
