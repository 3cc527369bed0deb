"""Programme items, their sign-ups and waitlists: the agenda page's places, through the API.

A participant signs its own organization up, waits for a full item and leaves either;
an organizer takes a place back, removes a waiting organization or moves it to the
top. Every write goes through ``eventday.domain.waitlists``, so a freed place goes to
the first waiting exactly as on the pages, and a refusal answers 409 with the page's
words.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.scope import Id, access, organizer_access
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain import waitlists
from matchfair.web.eventday.models import WaitlistEntry
from matchfair.web.eventday.waitlist_places import ItemPlace, items_with_counts, places_of
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.models import AgendaItem, SignUp
from matchfair.web.events.rules import EventAccess, Role

router = Router(tags=["programme"])


class ItemOut(Schema):
    id: int
    kind: str
    title: str
    start: datetime
    end: datetime
    place: str
    capacity: int | None
    signed_up_count: int
    free: int | None
    waiting: int
    signed_up: bool
    waitlist_position: int | None


class PlaceOut(Schema):
    id: int
    participation: int
    name: str


class WaitingOut(PlaceOut):
    position: int


class PlacesOut(Schema):
    sign_ups: list[PlaceOut]
    waitlist: list[WaitingOut]


def _out(place: ItemPlace) -> ItemOut:
    item = place.item
    return ItemOut(
        id=item.pk,
        kind=item.kind,
        title=item.title,
        start=item.start,
        end=item.end,
        place=item.place,
        capacity=item.capacity,
        signed_up_count=item.taken,
        free=place.free,
        waiting=place.waiting,
        signed_up=place.signed_up,
        waitlist_position=place.position,
    )


def _places(found: EventAccess) -> list[ItemPlace]:
    if found.own is not None:
        return places_of(found.own)
    return [
        ItemPlace(item=item, signed_up=False, position=None, waiting=item.waiting)
        for item in items_with_counts(found.event)
    ]


def _item_out(found: EventAccess, item_id: int) -> ItemOut:
    return next(_out(place) for place in _places(found) if place.item.pk == item_id)


def _own(request: HttpRequest, event_id: int, item_id: int) -> tuple[EventAccess, AgendaItem]:
    found = access(request, event_id)
    item = get_object_or_404(AgendaItem, event=found.event, pk=item_id)
    if found.own is None:
        raise PermissionDenied("Only a delegate of a participating organization may do this.")
    return found, item


def _refused(error: EventRuleError) -> ApiError:
    return ApiError(409, str(error))


@router.get(
    "/events/{event_id}/agenda-items", response={200: list[ItemOut], ERROR_CODES: ErrorBody}
)
def list_items(request: HttpRequest, event_id: Id) -> list[ItemOut]:
    """The programme items with their places; a participant also sees its sign-up and position."""
    return [_out(place) for place in _places(access(request, event_id))]


@router.get(
    "/events/{event_id}/agenda-items/{item_id}/places",
    response={200: PlacesOut, ERROR_CODES: ErrorBody},
)
def item_places(request: HttpRequest, event_id: Id, item_id: Id) -> PlacesOut:
    """Who is signed up and who waits, in order (organizers and viewers)."""
    found = access(request, event_id)
    item = get_object_or_404(AgendaItem, event=found.event, pk=item_id)
    if found.role == Role.PARTICIPANT:
        raise PermissionDenied("Only the event's organizers and viewers see who signed up.")
    signed = SignUp.objects.filter(item=item).select_related("participation__organization")
    waiting = WaitlistEntry.objects.filter(item=item).select_related("participation__organization")
    return PlacesOut(
        sign_ups=[
            PlaceOut(id=s.pk, participation=s.participation_id, name=_name(s.participation))
            for s in signed.order_by("created_at", "id")
        ],
        waitlist=[
            WaitingOut(
                id=entry.pk,
                participation=entry.participation_id,
                name=_name(entry.participation),
                position=position,
            )
            for position, entry in enumerate(waiting, start=1)
        ],
    )


def _name(participation: Participation) -> str:
    return participation.organization.name


@router.post(
    "/events/{event_id}/agenda-items/{item_id}/sign-up",
    response={201: ItemOut, ERROR_CODES: ErrorBody},
)
def sign_up(request: HttpRequest, event_id: Id, item_id: Id) -> Status[ItemOut]:
    """Take a free place for your organization; 409 when the item is full (wait instead)."""
    found, item = _own(request, event_id, item_id)
    try:
        waitlists.sign_up(item=item, participation=found.own)
    except EventRuleError as error:
        raise _refused(error) from None
    return Status(201, _item_out(found, item.pk))


@router.delete(
    "/events/{event_id}/agenda-items/{item_id}/sign-up",
    response={200: ItemOut, ERROR_CODES: ErrorBody},
)
def cancel_sign_up(request: HttpRequest, event_id: Id, item_id: Id) -> ItemOut:
    """Give your place back; the first waiting organization gets it at once."""
    found, item = _own(request, event_id, item_id)
    waitlists.cancel_sign_up(
        item=item, participation=found.own, site_url=request.build_absolute_uri("/")
    )
    return _item_out(found, item.pk)


@router.post(
    "/events/{event_id}/agenda-items/{item_id}/waitlist",
    response={201: ItemOut, ERROR_CODES: ErrorBody},
)
def join_waitlist(request: HttpRequest, event_id: Id, item_id: Id) -> Status[ItemOut]:
    """Wait for a place on a full item; 409 while a place is free or when already waiting."""
    found, item = _own(request, event_id, item_id)
    try:
        waitlists.join_waitlist(item=item, participation=found.own)
    except EventRuleError as error:
        raise _refused(error) from None
    return Status(201, _item_out(found, item.pk))


@router.delete(
    "/events/{event_id}/agenda-items/{item_id}/waitlist",
    response={200: ItemOut, ERROR_CODES: ErrorBody},
)
def leave_waitlist(request: HttpRequest, event_id: Id, item_id: Id) -> ItemOut:
    """Leave the item's waitlist (nothing happens when you were not on it)."""
    found, item = _own(request, event_id, item_id)
    waitlists.leave_waitlist(item=item, participation=found.own)
    return _item_out(found, item.pk)


@router.delete(
    "/events/{event_id}/sign-ups/{sign_up_id}", response={204: None, ERROR_CODES: ErrorBody}
)
def remove_sign_up(request: HttpRequest, event_id: Id, sign_up_id: Id) -> Status[None]:
    """Take an organization's place back (organizers); the first waiting gets it."""
    event = organizer_access(request, event_id).event
    signed = get_object_or_404(
        SignUp.objects.select_related("item", "participation"), item__event=event, pk=sign_up_id
    )
    waitlists.cancel_sign_up(
        item=signed.item,
        participation=signed.participation,
        site_url=request.build_absolute_uri("/"),
    )
    return Status(204, None)


@router.delete(
    "/events/{event_id}/waitlist/{entry_id}", response={204: None, ERROR_CODES: ErrorBody}
)
def remove_waiting(request: HttpRequest, event_id: Id, entry_id: Id) -> Status[None]:
    """Take an organization off an item's waitlist (organizers)."""
    event = organizer_access(request, event_id).event
    entry = get_object_or_404(
        WaitlistEntry.objects.select_related("item", "participation__organization"),
        item__event=event,
        pk=entry_id,
    )
    waitlists.remove_entry(entry=entry)
    return Status(204, None)


@router.post(
    "/events/{event_id}/waitlist/{entry_id}/top", response={204: None, ERROR_CODES: ErrorBody}
)
def move_to_top(request: HttpRequest, event_id: Id, entry_id: Id) -> Status[None]:
    """Put a waiting organization first in line for the next free place (organizers)."""
    event = organizer_access(request, event_id).event
    entry = get_object_or_404(
        WaitlistEntry.objects.select_related("item", "participation__organization"),
        item__event=event,
        pk=entry_id,
    )
    waitlists.move_to_top(entry=entry)
    return Status(204, None)
