"""Agreement dates on the site: a sane range and a history in order, in the services and forms."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from matchfair.core import read_event
from matchfair.core.agreement_dates import latest_agreement_date
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.exchange.to_database import import_event
from matchfair.web.outcomes.domain.agreements import (
    change_status,
    confirm_agreement,
    create_agreement,
)
from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.models import Agreement
from matchfair.web.outcomes.queries import agreement_history
from tests.outcomes.conftest import FIXTURE

pytestmark = pytest.mark.django_db


@pytest.fixture
def organizer():
    return get_user_model().objects.create_user(username="organizer", is_staff=True)


@pytest.fixture
def event(organizer) -> Event:
    document = read_event(FIXTURE).model_copy(update={"outcomes": None})
    return import_event(document, organizers=[organizer])


def _side(event: Event, code: str) -> Participation:
    return Participation.objects.get(event=event, code=code)


def _agreement(event: Event, on: date = date(2024, 11, 18)) -> Agreement:
    return create_agreement(
        event=event,
        code="agr-1",
        parties=[_side(event, "tegnology"), _side(event, "tsinghua-energy")],
        type="investment",
        title="Branch in Tianfu New Area",
        on=on,
        amount=Decimal(5),
        currency="EUR",
    )


def test_the_year_9999_is_refused_by_the_service(event: Event):
    with pytest.raises(OutcomeRuleError) as caught:
        _agreement(event, on=date(9999, 12, 31))
    assert caught.value.field == "date"
    assert str(caught.value).startswith("The agreement date 9999-12-31 is outside 1990-01-01 to ")
    assert not Agreement.objects.exists()


def test_ten_years_ahead_is_accepted_and_one_day_more_is_not(event: Event):
    latest = latest_agreement_date(date.today())
    agreement = _agreement(event, on=date(2024, 11, 18))
    with pytest.raises(OutcomeRuleError):
        change_status(agreement=agreement, status="signed", on=latest + timedelta(days=1))
    change_status(agreement=agreement, status="signed", on=latest)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.date) == ("signed", latest)


def test_implemented_before_signed_is_refused(event: Event):
    agreement = _agreement(event)
    change_status(agreement=agreement, status="signed", on=date(2025, 3, 2))
    with pytest.raises(OutcomeRuleError) as caught:
        change_status(agreement=agreement, status="implemented", on=date(2025, 1, 5))
    assert (caught.value.field, str(caught.value)) == (
        "date",
        "The date 2025-01-05 is before 2025-03-02, the date the agreement became signed.",
    )
    assert [(step.status, step.date) for step in agreement_history(agreement)] == [
        ("intention", date(2024, 11, 18)),
        ("signed", date(2025, 3, 2)),
    ]


def test_signing_online_before_the_intention_date_is_refused(event: Event, organizer):
    agreement = _agreement(event, on=date.today() + timedelta(days=30))
    confirm_agreement(
        agreement=agreement, party=_side(event, "tegnology"), user=organizer, on=date.today()
    )
    with pytest.raises(OutcomeRuleError):
        confirm_agreement(
            agreement=agreement,
            party=_side(event, "tsinghua-energy"),
            user=organizer,
            on=date.today(),
        )
    agreement.refresh_from_db()
    assert agreement.status == "intention"


def test_the_organizer_form_shows_the_error_beside_the_date(client, event: Event, organizer):
    client.force_login(organizer)
    response = client.post(
        reverse("orga:agreements", args=[event.pk]),
        {
            "code": "agr-1",
            "title": "Branch",
            "type": "investment",
            "parties": [_side(event, "tegnology").pk, _side(event, "tsinghua-energy").pk],
            "date": "9999-12-31",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["date"]
    assert errors["date"][0].startswith("The agreement date 9999-12-31 is outside 1990-01-01")
    assert not Agreement.objects.exists()


def test_the_status_form_refuses_implemented_before_signed(client, event: Event, organizer):
    agreement = _agreement(event)
    change_status(agreement=agreement, status="signed", on=date(2025, 3, 2))
    client.force_login(organizer)
    response = client.post(
        reverse("orga:agreement", args=[event.pk, agreement.pk]),
        {"status": "implemented", "date": "2025-01-05", "note": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["date"] == [
        "The date 2025-01-05 is before 2025-03-02, the date the agreement became signed."
    ]
    agreement.refresh_from_db()
    assert agreement.status == "signed"


def test_the_error_is_in_the_readers_language(client, event: Event, organizer):
    client.force_login(organizer)
    response = client.post(
        reverse("orga:agreements", args=[event.pk]),
        {
            "code": "agr-1",
            "title": "Branch",
            "type": "investment",
            "parties": [_side(event, "tegnology").pk, _side(event, "tsinghua-energy").pk],
            "date": "1989-06-01",
        },
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.context["form"].errors["date"][0].startswith("Das Datum der Vereinbarung")
