"""outcomes.domain.agreements: statuses move forward only, online signing, and one history.

Every step is an entry of the audit record (action ``agreement.<status>``, the step in
``detail``), written in the step's transaction: a refused step leaves none.
"""

from datetime import date
from decimal import Decimal

import pytest

from matchfair.web.audit.actor import acting_as
from matchfair.web.audit.models import AuditEntry
from matchfair.web.events.models import Event
from matchfair.web.exchange.from_database import export_event
from matchfair.web.outcomes.domain.agreements import (
    change_status,
    confirm_agreement,
    create_agreement,
)
from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.domain.feedback import report_meeting
from matchfair.web.outcomes.queries import agreement_history, waiting_parties
from tests.web.outcomes.helpers import agreement, meeting, side

pytestmark = pytest.mark.django_db


def test_agreement_history_moves_forward_only(event: Event):
    made = agreement(event, "tegnology", "tsinghua-energy")
    change_status(agreement=made, status="signed", on=date(2025, 1, 10))
    change_status(agreement=made, status="implemented", on=date(2025, 9, 1), note="branch opened")
    with pytest.raises(OutcomeRuleError):
        change_status(agreement=made, status="intention", on=date(2025, 9, 2))
    assert [(c.status, c.date) for c in agreement_history(made)] == [
        ("intention", date(2024, 11, 18)),
        ("signed", date(2025, 1, 10)),
        ("implemented", date(2025, 9, 1)),
    ]
    made.refresh_from_db()
    assert (made.status, made.currency) == ("implemented", "EUR")


def test_every_step_is_an_audit_entry_by_the_acting_user(event: Event, user):
    with acting_as(user):
        made = agreement(event, "tegnology", "tsinghua-energy")
        change_status(agreement=made, status="signed", on=date(2025, 1, 10), note="in Chengdu")
    entries = AuditEntry.objects.filter(event=event, subject=f"agreement:{made.pk}").order_by("id")
    assert [(e.action, e.actor, e.detail) for e in entries] == [
        ("agreement.intention", user, {"status": "intention", "date": "2024-11-18", "note": ""}),
        (
            "agreement.signed",
            user,
            {"status": "signed", "date": "2025-01-10", "note": "in Chengdu"},
        ),
    ]
    assert entries[1].summary == "Photovoltaic efficiency pilot (2025-01-10) in Chengdu"


def test_a_refused_step_leaves_no_audit_entry(event: Event):
    made = agreement(event, "tegnology", "tsinghua-energy")
    with pytest.raises(OutcomeRuleError):
        change_status(agreement=made, status="signed", on=date(2024, 11, 1))
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["agreement.intention"]


def test_an_agreement_needs_two_parties_and_a_real_currency(event: Event):
    with pytest.raises(OutcomeRuleError):
        agreement(event, "tegnology")
    with pytest.raises(OutcomeRuleError):
        create_agreement(
            event=event,
            code="agr-2",
            parties=[side(event, "tegnology"), side(event, "huati")],
            type="investment",
            title="Plant",
            on=date(2024, 11, 18),
            amount=Decimal(5),
            currency="RMB",
        )
    assert not AuditEntry.objects.exists()


def test_signed_online_only_when_every_party_confirmed(event: Event, user):
    made = agreement(event, "tegnology", "tsinghua-energy", "huati")
    on = date(2024, 11, 20)

    def confirm(code: str) -> bool:
        return confirm_agreement(agreement=made, party=side(event, code), user=user, on=on)

    assert confirm("tegnology") is False
    assert confirm("tegnology") is False
    assert confirm("huati") is False
    made.refresh_from_db()
    assert made.status == "intention"
    assert [p.code for p in waiting_parties(made)] == ["tsinghua-energy"]
    assert confirm("tsinghua-energy")
    made.refresh_from_db()
    assert (made.status, made.date) == ("signed", on)
    assert agreement_history(made)[-1].note == "Signed online by every party."
    with pytest.raises(OutcomeRuleError):
        confirm("guest")


def test_a_non_party_cannot_confirm(event: Event, user):
    made = agreement(event, "tegnology", "tsinghua-energy")
    with pytest.raises(OutcomeRuleError):
        confirm_agreement(
            agreement=made, party=side(event, "guest"), user=user, on=date(2024, 11, 20)
        )


def test_what_the_domain_records_exports_in_the_event_file(event: Event):
    held = meeting(event, "tegnology", "tsinghua-energy")
    report_meeting(meeting=held, side=held.a, status="held", result="intention", note="PV")
    made = agreement(event, "tegnology", "tsinghua-energy")
    change_status(agreement=made, status="signed", on=date(2025, 1, 10), note="at the fair")
    exported = export_event(event).outcomes
    assert [(m.a, m.b, m.status) for m in exported.meetings] == [
        ("tegnology", "tsinghua-energy", "held")
    ]
    assert [(f.by, f.result, f.note) for f in exported.meetings[0].feedback] == [
        ("tegnology", "intention", "PV")
    ]
    assert [(a.id, a.status, a.date, a.value.amount) for a in exported.agreements] == [
        ("agr-1", "signed", date(2025, 1, 10), Decimal(2000000))
    ]
    assert [(s.status, s.date, s.note) for s in exported.agreements[0].history] == [
        ("intention", date(2024, 11, 18), None),
        ("signed", date(2025, 1, 10), "at the fair"),
    ]
