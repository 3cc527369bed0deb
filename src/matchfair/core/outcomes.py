"""What came of an event: meeting outcomes and agreements, carried in the event file."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, PlainSerializer

from matchfair.core.base import Strict
from matchfair.core.codes import CurrencyCode, Identifier, Timestamp


def _json_number(amount: Decimal) -> int | float:
    """Money is exact inside (Decimal) and a plain JSON number outside, as the spec shows."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


Amount = Annotated[
    Decimal, Field(ge=0), PlainSerializer(_json_number, return_type=float, when_used="json")
]

FeedbackResult = Literal["no-fit", "follow-up", "intention", "agreement"]
MeetingStatus = Literal["held", "no-show", "cancelled"]
AgreementType = Literal[
    "technology-transfer",
    "joint-research",
    "investment",
    "joint-venture",
    "commercial",
    "strategic",
    "other",
]
AgreementStatus = Literal["intention", "signed", "implemented", "cancelled"]


class Feedback(Strict):
    by: Identifier
    result: FeedbackResult
    note: str | None = None
    by_organizer: bool = False


class MeetingOutcome(Strict):
    a: Identifier
    b: Identifier
    start: Timestamp
    status: MeetingStatus
    feedback: list[Feedback] = Field(default_factory=list)


class Money(Strict):
    amount: Amount
    currency: CurrencyCode


class StatusChange(Strict):
    """One step of an agreement's life, so that "signed in March, branch opened in June" survives export."""

    status: AgreementStatus
    date: dt.date
    note: str | None = None


class MeetingReference(Strict):
    """The meeting an agreement came from, named as the schedule names it."""

    a: Identifier
    b: Identifier
    start: Timestamp


class Agreement(Strict):
    id: Identifier
    parties: list[Identifier] = Field(min_length=2)
    type: AgreementType
    status: AgreementStatus
    title: str
    value: Money | None = None
    date: dt.date | None = None
    history: list[StatusChange] = Field(default_factory=list)
    confirmed_by: list[Identifier] = Field(default_factory=list)
    meetings: list[MeetingReference] = Field(default_factory=list)


Rate = Annotated[
    Decimal, Field(gt=0), PlainSerializer(_json_number, return_type=float, when_used="json")
]


class ExchangeRates(Strict):
    """The organizer's rates: one unit of each currency is worth ``rates[currency]`` of ``base``."""

    base: CurrencyCode
    rates: dict[CurrencyCode, Rate] = Field(default_factory=dict)
    date: dt.date | None = None


class Interest(Strict):
    by: Identifier
    message: str | None = None


class CooperationProject(Strict):
    """A project a host city or zone publishes to find partners or investors."""

    id: Identifier
    host: Identifier
    title: str = Field(min_length=1)
    sector: str | None = None
    location: str | None = None
    planned_investment: Money | None = None
    contact: str | None = None
    description: str | None = None
    published: bool = True
    interests: list[Interest] = Field(default_factory=list)


class Outcomes(Strict):
    meetings: list[MeetingOutcome] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    rates: ExchangeRates | None = None
    projects: list[CooperationProject] = Field(default_factory=list)
