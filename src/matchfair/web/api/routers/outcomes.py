"""Meeting outcomes and agreements; money as a decimal string with its ISO 4217 code.

An organizer reads and records everything; a participant reads the outcomes of its
own meetings and the agreements it is a party to, reports on its own meetings and
confirms its own agreements; viewers read the figures (``/report``) only.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from matchfair.outcomes.document import decimal_text
from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.fields import text
from matchfair.web.api.pagination import Pages
from matchfair.web.api.scope import MAX_ID, Id, RowId, access, organizer_access
from matchfair.web.directory.models import Participation
from matchfair.web.events.rules import EventAccess
from matchfair.web.meetings.rules import visible_meetings
from matchfair.web.outcomes.domain.agreements import (
    change_status,
    confirm_agreement,
    create_agreement,
)
from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.domain.feedback import report_meeting
from matchfair.web.outcomes.models import Agreement, MeetingOutcome

router = Router(tags=["outcomes"])

DECIMAL_PATTERN = r"^\d{1,18}(\.\d{1,6})?$"


class Money(Schema):
    amount: str = Field(..., pattern=DECIMAL_PATTERN, examples=["2500000.00"])
    currency: str = Field(..., min_length=3, max_length=3, examples=["EUR"])


class FeedbackOut(Schema):
    organization: int = Field(..., alias="by_id")
    result: str
    note: str | None


class OutcomeOut(Schema):
    id: int
    a: int = Field(..., alias="a_id")
    b: int = Field(..., alias="b_id")
    start: datetime
    status: str
    feedback: list[FeedbackOut]


class AgreementOut(Schema):
    id: int
    code: str
    type: str
    status: str
    title: str
    value: Money | None
    date: date | None
    parties: list[int]

    @staticmethod
    def resolve_value(agreement: Agreement) -> Money | None:
        if agreement.amount is None:
            return None
        return Money(amount=decimal_text(agreement.amount), currency=agreement.currency)

    @staticmethod
    def resolve_parties(agreement: Agreement) -> list[int]:
        return [party.participation_id for party in agreement.parties.all()]


class AgreementIn(Schema):
    code: text(200, min_length=1) = Field(..., pattern=r"^[-a-zA-Z0-9_]+$")
    type: Literal[tuple(Agreement.Type.values)]  # type: ignore[valid-type]
    title: text(500, min_length=1)
    date: date
    parties: list[RowId] = Field(..., min_length=2, max_length=50)
    value: Money | None = None


class StatusIn(Schema):
    status: Literal["signed", "implemented", "cancelled"]
    date: date
    note: text(2000) = ""


class ConfirmOut(Schema):
    signed: bool


class ReportIn(Schema):
    organization: int | None = Field(
        None, ge=1, le=MAX_ID, description="The side reporting (organizers only; default: yours)"
    )
    status: Literal["held", "no-show", "cancelled"]
    result: Literal["no-fit", "follow-up", "intention", "agreement"] | None = None
    note: text(2000) = ""


def _outcomes(found: EventAccess) -> QuerySet[MeetingOutcome]:
    rows = MeetingOutcome.objects.filter(event=found.event).prefetch_related("feedback")
    if found.organizes:
        return rows
    if found.own is not None:
        return rows.filter(Q(a=found.own) | Q(b=found.own))
    return rows.none()


def _agreements(found: EventAccess) -> QuerySet[Agreement]:
    rows = Agreement.objects.filter(event=found.event).prefetch_related("parties")
    if found.organizes:
        return rows
    if found.own is not None:
        return rows.filter(parties__participation=found.own).distinct()
    return rows.none()


@router.get("/events/{event_id}/outcomes", response={200: list[OutcomeOut], ERROR_CODES: ErrorBody})
@paginate(Pages)
def list_outcomes(request: HttpRequest, event_id: Id) -> QuerySet[MeetingOutcome]:
    return _outcomes(access(request, event_id))


@router.post(
    "/events/{event_id}/meetings/{meeting_id}/outcome",
    response={200: OutcomeOut, ERROR_CODES: ErrorBody},
)
def report(request: HttpRequest, event_id: Id, meeting_id: Id, payload: ReportIn) -> MeetingOutcome:
    """One side reports whether a published meeting took place and what it led to."""
    found = access(request, event_id)
    meeting = get_object_or_404(visible_meetings(found).filter(published=True), pk=meeting_id)
    if found.organizes and payload.organization:
        side = get_object_or_404(Participation, event=found.event, pk=payload.organization)
    elif found.own is not None and payload.organization in (None, found.own.pk):
        side = found.own
    else:
        raise PermissionDenied("Only a side of the meeting or an organizer may report on it.")
    try:
        outcome = report_meeting(
            meeting=meeting,
            side=side,
            status=payload.status,
            result=payload.result,
            note=payload.note,
            user=request.auth,
            by_organizer=found.organizes,
        )
    except OutcomeRuleError as error:
        raise ApiError(422, str(error)) from None
    return _outcomes(found).get(pk=outcome.pk)


@router.get(
    "/events/{event_id}/agreements", response={200: list[AgreementOut], ERROR_CODES: ErrorBody}
)
@paginate(Pages)
def list_agreements(request: HttpRequest, event_id: Id) -> QuerySet[Agreement]:
    return _agreements(access(request, event_id))


@router.post("/events/{event_id}/agreements", response={201: AgreementOut, ERROR_CODES: ErrorBody})
def add_agreement(request: HttpRequest, event_id: Id, payload: AgreementIn) -> Status[Agreement]:
    """Record an intention agreement between two or more organizations (organizers)."""
    event = organizer_access(request, event_id).event
    parties = {p.pk: p for p in Participation.objects.filter(event=event, pk__in=payload.parties)}
    missing = [pk for pk in payload.parties if pk not in parties]
    if missing:
        raise ApiError(422, f"No organization with id {missing[0]} takes part.", field="parties")
    try:
        agreement = create_agreement(
            event=event,
            code=payload.code,
            parties=[parties[pk] for pk in payload.parties],
            type=payload.type,
            title=payload.title,
            on=payload.date,
            amount=Decimal(payload.value.amount) if payload.value else None,
            currency=payload.value.currency if payload.value else "",
        )
    except OutcomeRuleError as error:
        raise ApiError(422, str(error), field=error.field) from None
    return Status(201, agreement)


@router.post(
    "/events/{event_id}/agreements/{agreement_id}/status",
    response={200: AgreementOut, ERROR_CODES: ErrorBody},
)
def move_agreement(
    request: HttpRequest, event_id: Id, agreement_id: Id, payload: StatusIn
) -> Agreement:
    """Move an agreement forward (organizers); it never goes back."""
    event = organizer_access(request, event_id).event
    agreement = get_object_or_404(Agreement, event=event, pk=agreement_id)
    try:
        change_status(
            agreement=agreement, status=payload.status, on=payload.date, note=payload.note
        )
    except OutcomeRuleError as error:
        status = 422 if error.field == "date" else 409
        raise ApiError(status, str(error), field=error.field) from None
    return Agreement.objects.prefetch_related("parties").get(pk=agreement.pk)


@router.post(
    "/events/{event_id}/agreements/{agreement_id}/confirm",
    response={200: ConfirmOut, ERROR_CODES: ErrorBody},
)
def confirm(request: HttpRequest, event_id: Id, agreement_id: Id) -> ConfirmOut:
    """A party confirms online; signed once every party has."""
    found = access(request, event_id)
    if found.own is None:
        raise PermissionDenied("Only a delegate of a party may confirm an agreement.")
    agreement = get_object_or_404(_agreements(found), pk=agreement_id)
    try:
        signed = confirm_agreement(
            agreement=agreement, party=found.own, user=request.auth, on=timezone.localdate()
        )
    except OutcomeRuleError as error:
        raise ApiError(409, str(error)) from None
    return ConfirmOut(signed=signed)
