"""events.domain.sign_ups: one sign-up per organization, within capacity, in its own event."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from matchfair.web.directory.models import Participation
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.domain.programme import add_agenda_item
from matchfair.web.events.domain.sign_ups import cancel_sign_up, sign_up
from matchfair.web.events.models import AgendaItem, SignUp
from tests.web.factories import World

START = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("UTC"))


def _visit(world: World, capacity: int | None) -> AgendaItem:
    return add_agenda_item(
        event=world.event,
        kind="visit",
        title="Plant visit",
        start=START,
        end=START + timedelta(hours=2),
        capacity=capacity,
    )


def test_a_full_item_refuses_the_next_organization(world: World):
    item = _visit(world, capacity=1)
    sign_up(item=item, participation=world.tegnology)
    with pytest.raises(EventRuleError, match="is full"):
        sign_up(item=item, participation=world.tsinghua)


def test_an_organization_signs_up_once(world: World):
    item = _visit(world, capacity=None)
    sign_up(item=item, participation=world.tegnology)
    with pytest.raises(EventRuleError, match="Already signed up"):
        sign_up(item=item, participation=world.tegnology)


def test_an_organization_of_another_event_cannot_sign_up(world: World):
    item = _visit(world, capacity=None)
    stranger = Participation.objects.filter(event=world.other_event).first()
    with pytest.raises(EventRuleError):
        sign_up(item=item, participation=stranger)


def test_cancelling_frees_the_place_and_is_harmless_twice(world: World):
    item = _visit(world, capacity=1)
    sign_up(item=item, participation=world.tegnology)
    cancel_sign_up(item=item, participation=world.tegnology)
    cancel_sign_up(item=item, participation=world.tegnology)
    assert not SignUp.objects.filter(item=item).exists()
    sign_up(item=item, participation=world.tsinghua)
