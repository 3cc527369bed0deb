"""Withdrawing requests and cancelling meetings through the API, and reading cancellations.

The same domain functions as the pages (``eventday.domain.cancellations``), so the API
refuses for the same reasons in the same words: a participant acts as its side (held to
the organizer's cut-off), an organizer as the organizer. A refusal is a 409, a missing or
too long reason a 422 naming ``reason``; a meeting cancelled already answers 409 naming
when, so a retried call is told rather than shown a bare 404.
"""

from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.fields import text
from matchfair.web.api.pagination import Pages
from matchfair.web.api.scope import Id, access
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain.cancellations import (
    REASON_LENGTH,
    CancellationRuleError,
    cancel_meeting,
    withdraw_request,
)
from matchfair.web.eventday.models import Cancellation
from matchfair.web.eventday.rules import visible_cancellations
from matchfair.web.events.rules import EventAccess
from matchfair.web.meetings.rules import visible_meetings, visible_requests

router = Router(tags=["cancellations"])


class CancelIn(Schema):
    reason: text(REASON_LENGTH) = Field(..., description="Why; both sides read it")


class CancellationOut(Schema):
    id: int
    kind: str
    a: int = Field(..., alias="a_id")
    b: int = Field(..., alias="b_id")
    start: datetime | None = Field(None, description="The meeting's start; null for a request")
    meeting: int | None = Field(None, alias="meeting_number", description="The meeting's id")
    request: int | None = Field(None, alias="request_id")
    by: int | None = Field(
        None, alias="by_participation_id", description="The side that cancelled; null: organizer"
    )
    reason: str
    at: datetime


class CancellationFilter(Schema):
    kind: Literal["withdrawn", "cancelled"] | None = None


def _side(found: EventAccess) -> Participation | None:
    """The side the caller acts as: its organization, or None for an organizer."""
    if found.organizes:
        return None
    if found.own is None:
        raise PermissionDenied("Only the event's organizers and the two sides may do this.")
    return found.own


def _refused(error: CancellationRuleError) -> ApiError:
    return ApiError(422 if error.field else 409, str(error), field=error.field)


@router.post(
    "/events/{event_id}/requests/{request_id}/withdraw",
    response={201: CancellationOut, ERROR_CODES: ErrorBody},
)
def withdraw(
    request: HttpRequest, event_id: Id, request_id: Id, payload: CancelIn
) -> Status[Cancellation]:
    """Withdraw a request you sent, or call off an accepted one not on the published schedule."""
    found = access(request, event_id)
    by = _side(found)
    asked = get_object_or_404(visible_requests(found).select_related("event"), pk=request_id)
    try:
        done = withdraw_request(
            meeting_request=asked,
            by=by,
            user=request.auth,
            reason=payload.reason,
            site_url=request.build_absolute_uri("/"),
        )
    except CancellationRuleError as error:
        raise _refused(error) from None
    return Status(201, done)


@router.post(
    "/events/{event_id}/meetings/{meeting_id}/cancel",
    response={201: CancellationOut, ERROR_CODES: ErrorBody},
)
def cancel(
    request: HttpRequest, event_id: Id, meeting_id: Id, payload: CancelIn
) -> Status[Cancellation]:
    """Cancel a meeting: a side until the organizer's cut-off, the organizer at any time."""
    found = access(request, event_id)
    by = _side(found)
    meeting = visible_meetings(found).select_related("event").filter(pk=meeting_id).first()
    if meeting is None:
        earlier = visible_cancellations(found).filter(meeting_number=meeting_id).first()
        if earlier is None:
            raise Http404
        raise ApiError(409, "This meeting was cancelled already.")
    try:
        done = cancel_meeting(
            meeting=meeting,
            by=by,
            user=request.auth,
            reason=payload.reason,
            site_url=request.build_absolute_uri("/"),
        )
    except CancellationRuleError as error:
        raise _refused(error) from None
    return Status(201, done)


@router.get(
    "/events/{event_id}/cancellations",
    response={200: list[CancellationOut], ERROR_CODES: ErrorBody},
)
@paginate(Pages)
def list_cancellations(
    request: HttpRequest, event_id: Id, filters: Query[CancellationFilter]
) -> QuerySet[Cancellation]:
    """Withdrawn requests and cancelled meetings: organizers all, a participant its own."""
    rows = visible_cancellations(access(request, event_id))
    return rows.filter(kind=filters.kind) if filters.kind else rows
