"""Badges and check-ins of an event: for its organizers and its check-in staff.

The write is the desk's: ``eventday.domain.check_in.check_in`` by QR token or badge
id, so the API refuses what the desk refuses, in the same words. A new check-in
answers 201, a badge checked in before 200 with the first check-in (``new`` false).
Anyone else gets 404, as if the event did not exist.
"""

from datetime import datetime

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.pagination import Pages
from matchfair.web.api.scope import Id, RowId
from matchfair.web.eventday.domain.check_in import (
    CheckInError,
    badge_of_id,
    badge_of_token,
    check_in,
)
from matchfair.web.eventday.models import Badge, CheckIn
from matchfair.web.eventday.rules import may_check_in
from matchfair.web.events.models import Event
from matchfair.web.exports.badge_codes import badge_token

router = Router(tags=["check-in"])


class BadgeOut(Schema):
    id: int
    name: str
    organization: int = Field(..., alias="participation_id")
    delegate: bool
    token: str
    checked_in_at: datetime | None

    @staticmethod
    def resolve_delegate(badge: Badge) -> bool:
        return badge.delegate_id is not None

    @staticmethod
    def resolve_token(badge: Badge) -> str:
        return badge_token(badge)

    @staticmethod
    def resolve_checked_in_at(badge: Badge) -> datetime | None:
        found = getattr(badge, "check_in", None)
        return found.at if found is not None else None


class CheckInOut(Schema):
    badge: int = Field(..., alias="badge_id")
    name: str
    organization: int
    at: datetime
    desk: str
    new: bool = False

    @staticmethod
    def resolve_name(row: CheckIn) -> str:
        return row.badge.name

    @staticmethod
    def resolve_organization(row: CheckIn) -> int:
        return row.badge.participation_id


class CheckInIn(Schema):
    token: str | None = Field(None, max_length=200, description="The text of the badge's QR code")
    badge: RowId | None = Field(None, description="The badge's id, when found by name")
    desk: str = Field("", max_length=100)


def _event(request: HttpRequest, event_id: int) -> Event:
    event = Event.objects.filter(pk=event_id).first()
    if event is None or not may_check_in(request.auth, event):
        raise Http404
    return event


@router.get("/events/{event_id}/badges", response={200: list[BadgeOut], ERROR_CODES: ErrorBody})
@paginate(Pages)
def list_badges(request: HttpRequest, event_id: Id) -> QuerySet[Badge]:
    """Every badge of the event with its QR token and whether it is checked in."""
    return (
        Badge.objects.filter(event=_event(request, event_id))
        .select_related("check_in")
        .order_by("pk")
    )


@router.get(
    "/events/{event_id}/check-ins", response={200: list[CheckInOut], ERROR_CODES: ErrorBody}
)
@paginate(Pages)
def list_check_ins(request: HttpRequest, event_id: Id) -> QuerySet[CheckIn]:
    """The check-ins so far, in the order they happened."""
    return (
        CheckIn.objects.filter(event=_event(request, event_id))
        .select_related("badge")
        .order_by("at", "pk")
    )


@router.post(
    "/events/{event_id}/check-ins",
    response={200: CheckInOut, 201: CheckInOut, ERROR_CODES: ErrorBody},
)
def add_check_in(request: HttpRequest, event_id: Id, payload: CheckInIn) -> Status[CheckIn]:
    """Check a badge in by ``token`` (scanned) or ``badge`` (id); a second time changes nothing."""
    event = _event(request, event_id)
    try:
        if payload.token:
            badge = badge_of_token(event=event, token=payload.token)
        elif payload.badge is not None:
            badge = badge_of_id(event=event, badge_id=payload.badge)
        else:
            raise ApiError(422, "Give the badge's token or its id.", field="token")
        result = check_in(event=event, badge=badge, user=request.auth, desk=payload.desk)
    except CheckInError as error:
        raise ApiError(422, str(error), field=error.field) from None
    row = result.check_in
    row.new = result.new
    return Status(201 if result.new else 200, row)
