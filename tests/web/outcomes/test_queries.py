"""outcomes.queries: the outcome overview's rows, and an agreement's history from the audit record."""

from datetime import date

import pytest

from matchfair.web.events.models import Event
from matchfair.web.outcomes.domain.agreements import change_status
from matchfair.web.outcomes.queries import agreement_histories, agreement_history, outcome_rows
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
