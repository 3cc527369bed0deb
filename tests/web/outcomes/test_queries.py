"""outcomes.queries: the outcome overview's rows, an agreement's history from the audit
record, and the outcome reads that the pages and the API share."""

from datetime import date

import pytest

from matchfair.web.events.models import Event
from matchfair.web.outcomes.domain.agreements import change_status
from matchfair.web.outcomes.queries import (
    agreement_histories,
    agreement_history,
    agreements_of,
    outcome_rows,
    outcomes_of,
)
from tests.web.factories import World
from tests.web.outcomes.helpers import agreement

pytestmark = pytest.mark.django_db


def test_nobody_reported_means_both_sides_are_missing(event: Event):
    rows = outcome_rows(event)
    assert len(rows) == 3
    assert [[side.code for side in row.missing] for row in rows] == [
        ["tegnology", "tsinghua-energy"],
        ["haaga-helia", "huati"],
        ["huati", "tegnology"],
    ]


def test_an_agreement_history_is_read_from_the_audit_record_oldest_first(event: Event):
    made = agreement(event, "tegnology", "tsinghua-energy")
    change_status(agreement=made, status="signed", on=date(2025, 1, 10), note="in Chengdu")
    steps = agreement_history(made)
    assert [(s.status, s.status_label, s.date, s.note) for s in steps] == [
        ("intention", "intention", date(2024, 11, 18), ""),
        ("signed", "signed", date(2025, 1, 10), "in Chengdu"),
    ]
    assert agreement_histories(event) == {made.pk: steps}


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
