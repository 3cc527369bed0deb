"""The impact follow-up link: valid, expired, forged or for another event; an answer updates the agreement."""

import time
from decimal import Decimal

import pytest
from django.urls import reverse

from matchfair.web.audit.models import AuditEntry
from matchfair.web.outcomes.domain.follow_up import FOLLOW_UP_LINK_DAYS, follow_up_token
from matchfair.web.outcomes.queries import agreement_history
from tests.web import factories
from tests.web.notify.reminder_world import build_reminder_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(fair, german, french):
    return build_reminder_world(fair, german, french)


def _url(world, token: str, event_id: int | None = None) -> str:
    return reverse("portal:follow_up", args=[event_id or world.event.pk, token])


def test_a_party_answers_without_logging_in_and_the_history_moves_on(world, client):
    token = follow_up_token(agreement=world.agreement, party=world.french)
    page = client.get(_url(world, token))
    assert page.status_code == 200
    assert "Solar storage for vineyards" in page.content.decode()
    answer = client.post(
        _url(world, token),
        {"status": "signed", "on": "2027-05-20", "amount": "250000", "currency": "eur"},
    )
    assert answer.status_code == 200
    world.agreement.refresh_from_db()
    assert (world.agreement.status, world.agreement.amount, world.agreement.currency) == (
        "signed",
        Decimal("250000"),
        "EUR",
    )
    steps = [step.status for step in agreement_history(world.agreement)]
    assert steps == ["intention", "signed"]
    assert AuditEntry.objects.filter(action="agreement.amount").count() == 1


def test_a_step_the_agreement_cannot_take_is_shown_on_the_form(world, client):
    token = follow_up_token(agreement=world.agreement, party=world.german)
    answer = client.post(_url(world, token), {"status": "signed", "on": "2026-01-01"})
    assert answer.status_code == 200
    assert answer.context["form"].errors
    world.agreement.refresh_from_db()
    assert world.agreement.status == "intention"


def test_an_expired_link_is_refused(world, client, monkeypatch):
    token = follow_up_token(agreement=world.agreement, party=world.french)
    later = time.time() + (FOLLOW_UP_LINK_DAYS + 1) * 86400
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    page = client.get(_url(world, token))
    assert page.status_code == 404
    assert "expired" in page.content.decode()


def test_a_forged_link_is_refused(world, client):
    token = follow_up_token(agreement=world.agreement, party=world.french)
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    page = client.post(_url(world, forged), {"status": "cancelled", "on": "2027-01-01"})
    assert page.status_code == 404
    world.agreement.refresh_from_db()
    assert world.agreement.status == "intention"


def test_a_link_for_another_event_is_refused(world, client, owner):
    other = factories.event(owner, "Another fair")
    token = follow_up_token(agreement=world.agreement, party=world.french)
    page = client.post(_url(world, token, other.pk), {"status": "cancelled", "on": "2027-01-01"})
    assert page.status_code == 404
    world.agreement.refresh_from_db()
    assert world.agreement.status == "intention"
