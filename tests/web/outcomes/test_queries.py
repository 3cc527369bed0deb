"""The outcome reads that the pages and the API share (``outcomes.queries``)."""

import pytest

from matchfair.web.outcomes.queries import agreements_of, outcomes_of
from tests.web_api.world import World

pytestmark = pytest.mark.django_db


def test_every_outcome_of_the_event_and_none_of_another(world: World):
    assert [(o.a_id, o.b_id) for o in outcomes_of(world.event)] == [
        (world.tegnology.pk, world.tsinghua.pk)
    ]
    assert outcomes_of(world.other_event).count() == 1
    assert set(outcomes_of(world.event)).isdisjoint(outcomes_of(world.other_event))


def test_a_party_reads_the_outcomes_of_its_own_meetings_on_either_side(world: World):
    assert outcomes_of(world.event, party=world.tegnology).count() == 1
    assert outcomes_of(world.event, party=world.tsinghua).count() == 1
    assert not outcomes_of(world.event, party=world.smart_eye).exists()


def test_every_agreement_of_the_event_and_those_of_a_party_once_each(world: World):
    assert [a.code for a in agreements_of(world.event)] == ["agr-1"]
    assert [a.code for a in agreements_of(world.event, party=world.tsinghua)] == ["agr-1"]
    assert [a.code for a in agreements_of(world.event, party=world.tegnology)] == ["agr-1"]
    assert not agreements_of(world.event, party=world.smart_eye).exists()
    assert agreements_of(world.other_event).get().pk != agreements_of(world.event).get().pk
