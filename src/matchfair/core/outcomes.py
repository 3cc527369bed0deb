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


class MeetingOutcome(Strict):
    a: Identifier
    b: Identifier
    start: Timestamp
    status: MeetingStatus
    feedback: list[Feedback] = Field(default_factory=list)


class Money(Strict):
    amount: Amount
    currency: CurrencyCode


class Agreement(Strict):
    id: Identifier
    parties: list[Identifier] = Field(min_length=2)
    type: AgreementType
    status: AgreementStatus
    title: str
    value: Money | None = None
    date: dt.date | None = None


class Outcomes(Strict):
    meetings: list[MeetingOutcome] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
