"""Rows of the fixture event by code, and an agreement made through the domain, for the outcome tests."""

from datetime import date
from decimal import Decimal

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting
from matchfair.web.outcomes.domain.agreements import create_agreement
from matchfair.web.outcomes.models import Agreement


def side(event: Event, code: str) -> Participation:
    return Participation.objects.get(event=event, code=code)


def meeting(event: Event, a: str, b: str) -> Meeting:
    return Meeting.objects.get(event=event, a__code=a, b__code=b)


def agreement(event: Event, *codes: str) -> Agreement:
    """An intention of 2,000,000 EUR between ``codes``, dated 18 November 2024."""
    return create_agreement(
        event=event,
        code="agr-1",
        parties=[side(event, code) for code in codes],
        type="joint-research",
        title="Photovoltaic efficiency pilot",
        on=date(2024, 11, 18),
        amount=Decimal("2000000"),
        currency="eur",
    )
