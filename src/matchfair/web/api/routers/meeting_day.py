"""Meetings on the day through the API: presence, no-shows and the live board's figures.

The same domain functions as the portal and the organizer's board, so a no-show the
page refuses (before the grace period, for the absent side itself, in another event)
the API refuses with the same words (409).
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.scope import MAX_ID, Id, access, organizer_access
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.board import live_board
from matchfair.web.eventday.domain.presence import PresenceRuleError, mark_no_show, mark_present
from matchfair.web.eventday.models import Presence
from matchfair.web.events.rules import EventAccess
from matchfair.web.meetings.models import Meeting
from matchfair.web.meetings.rules import visible_meetings

router = Router(tags=["on the day"])


class PresenceOut(Schema):
    meeting: int = Field(..., alias="meeting_id")
    organization: int = Field(..., alias="participation_id")
    how: str
    at: datetime


class PresenceIn(Schema):
    organization: int | None = Field(
        None, ge=1, le=MAX_ID, description="The side that is there (organizers only; else yours)"
    )
    how: Presence.How = Presence.How.HERE


class NoShowIn(Schema):
    absent: int = Field(..., ge=1, le=MAX_ID, description="The side that did not come")


class NoShowOut(Schema):
    a: int = Field(..., alias="a_id")
    b: int = Field(..., alias="b_id")
    start: datetime
    status: str


class SlotOut(Schema):
    start: datetime
    end: datetime
    running: int
    waiting: int
    not_started: int
    no_show: int


class BoardOut(Schema):
    day: str
    checked_in: int
    badges: int
    free_tables: list[str]
    slots: list[SlotOut]


def _meeting(found: EventAccess, meeting_id: int) -> Meeting:
    rows = visible_meetings(found).filter(published=True).select_related("event")
    return get_object_or_404(rows, pk=meeting_id)


def _side(found: EventAccess, meeting: Meeting, organization: int | None) -> Participation:
    """The side the caller speaks for: its own, or the one an organizer names."""
    if not found.organizes:
        if organization not in (None, found.own.pk):
            raise PermissionDenied("A participant speaks for its own organization only.")
        return found.own
    if organization is None:
        raise ApiError(422, "Name the organization that is there.", field="organization")
    side = Participation.objects.filter(event=found.event, pk=organization).first()
    if side is None:
        raise ApiError(422, "No organization with this id takes part.", field="organization")
    return side


@router.get(
    "/events/{event_id}/meetings/{meeting_id}/presence",
    response={200: list[PresenceOut], ERROR_CODES: ErrorBody},
)
def list_presence(request: HttpRequest, event_id: Id, meeting_id: Id) -> list[Presence]:
    """Which sides of a live meeting said they are there (at the table or joined online)."""
    meeting = _meeting(access(request, event_id), meeting_id)
    return list(Presence.objects.filter(meeting=meeting).order_by("at", "pk"))


@router.post(
    "/events/{event_id}/meetings/{meeting_id}/presence",
    response={200: PresenceOut, ERROR_CODES: ErrorBody},
)
def say_present(
    request: HttpRequest, event_id: Id, meeting_id: Id, payload: PresenceIn
) -> Presence:
    """ "We are here": idempotent; both sides there makes the meeting held."""
    found = access(request, event_id)
    meeting = _meeting(found, meeting_id)
    side = _side(found, meeting, payload.organization)
    try:
        return mark_present(meeting=meeting, side=side, how=payload.how)
    except PresenceRuleError as error:
        raise ApiError(409, str(error)) from None


@router.post(
    "/events/{event_id}/meetings/{meeting_id}/no-show",
    response={201: NoShowOut, ERROR_CODES: ErrorBody},
)
def no_show(request: HttpRequest, event_id: Id, meeting_id: Id, payload: NoShowIn) -> Status:
    """Mark the absent side a no-show once the grace period has passed; the slot is freed."""
    found = access(request, event_id)
    meeting = _meeting(found, meeting_id)
    if found.own is None and not found.organizes:
        raise PermissionDenied("Only the other side or the organizer can do this.")
    absent = Participation.objects.filter(event=found.event, pk=payload.absent).first()
    if absent is None:
        raise ApiError(422, "No organization with this id takes part.", field="absent")
    try:
        outcome = mark_no_show(
            meeting=meeting,
            absent=absent,
            by_side=None if found.organizes else found.own,
            user=request.auth,
        )
    except PresenceRuleError as error:
        raise ApiError(409, str(error), field="absent") from None
    return Status(201, outcome)


@router.get("/events/{event_id}/live-board", response={200: BoardOut, ERROR_CODES: ErrorBody})
def board(request: HttpRequest, event_id: Id) -> BoardOut:
    """Today's figures per slot, free tables and check-ins, as on the organizer's live board."""
    live = live_board(organizer_access(request, event_id).event)
    return BoardOut(
        day=live.day.isoformat(),
        checked_in=live.checked_in,
        badges=live.badges,
        free_tables=live.free_tables,
        slots=[SlotOut(**vars(slot)) for slot in live.slots],
    )
