"""On-the-spot meetings: the slots two participants may still book today, and booking one.

The same functions as the portal's Meet now page (``eventday.spot_slots`` and
``exchange.spot_booking``), so the API offers and refuses exactly what the page does.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.fields import text
from matchfair.web.api.routers.meetings import MeetingOut
from matchfair.web.api.scope import Id, RowId, access
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.spot_slots import spot_places, spot_refusal
from matchfair.web.events.models import Session
from matchfair.web.exchange.spot_booking import book_spot_validated
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.placement import FreePlace
from matchfair.web.meetings.models import Meeting

router = Router(tags=["on the day"])


class SpotSlotOut(Schema):
    session: str
    start: datetime
    end: datetime
    location: str
    interpreter: str | None


class SpotBookingIn(Schema):
    partner: RowId = Field(..., description="The organization (participation id) to meet")
    session: text(200, min_length=1) = Field(..., description="Session id")
    start: datetime = Field(..., description="Start of a slot of that session, later today")


def _own_and_partner(
    request: HttpRequest, event_id: int, partner_id: int
) -> tuple[Participation, Participation]:
    own = access(request, event_id).own
    if own is None:
        raise PermissionDenied("Only a delegate of a participating organization may do this.")
    partner = (
        Participation.objects.select_related("organization")
        .filter(event_id=own.event_id, pk=partner_id)
        .first()
    )
    if partner is None:
        raise ApiError(422, "No organization with this id takes part.", field="partner")
    return own, partner


def _slot(place: FreePlace) -> SpotSlotOut:
    return SpotSlotOut(
        session=place.session.code,
        start=place.start,
        end=place.end,
        location=place.locations[0],
        interpreter=place.interpreter.code if place.interpreter else None,
    )


@router.get(
    "/events/{event_id}/spot/{partner_id}/slots",
    response={200: list[SpotSlotOut], ERROR_CODES: ErrorBody},
)
def spot_slots(request: HttpRequest, event_id: Id, partner_id: Id) -> list[SpotSlotOut]:
    """The slots left today where your organization and the partner are both free, with the
    table or room (and interpreter) a booking would get; 409 when booking is not possible."""
    own, partner = _own_and_partner(request, event_id, partner_id)
    refusal = spot_refusal(own, partner)
    if refusal is not None:
        raise ApiError(409, refusal)
    return [_slot(place) for place in spot_places(participation=own, partner=partner)]


@router.post("/events/{event_id}/spot", response={201: MeetingOut, ERROR_CODES: ErrorBody})
def book(request: HttpRequest, event_id: Id, payload: SpotBookingIn) -> Status[Meeting]:
    """Book a meeting with the partner now: the lowest free table or room of the slot, published
    at once, the partner told; refused (409) with every reason."""
    own, partner = _own_and_partner(request, event_id, payload.partner)
    session = Session.objects.filter(event_id=own.event_id, code=payload.session).first()
    if session is None:
        raise ApiError(422, "The event has no session with this id.", field="session")
    try:
        meeting = book_spot_validated(
            participation=own,
            partner=partner,
            session=session,
            start=payload.start,
            user=request.auth,
            site_url=request.build_absolute_uri("/"),
        )
    except MeetingRuleError as error:
        raise ApiError(409, *error.reasons) from None
    return Status(201, meeting)
