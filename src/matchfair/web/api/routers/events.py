"""Events the caller has a role in, and their meeting sessions."""

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from matchfair.web.api.errors import ERROR_CODES, ErrorBody
from matchfair.web.api.pagination import Pages
from matchfair.web.api.scope import Id, access
from matchfair.web.events.models import Event, Session
from matchfair.web.events.rules import event_access, visible_events

router = Router(tags=["events"])


class EventOut(Schema):
    id: int
    code: str
    name: str
    series: str | None
    timezone: str
    tables: int | None
    online_rooms: int | None
    schedule_published_at: datetime | None
    role: str

    @staticmethod
    def resolve_series(event: Event) -> str | None:
        return event.series.name if event.series else None

    @staticmethod
    def resolve_role(event: Event, context: dict[str, Any]) -> str:
        found = event_access(context["request"].auth, event)
        return found.role if found else ""


class SessionOut(Schema):
    id: int
    code: str
    start: datetime
    end: datetime
    slot_minutes: int
    gap_minutes: int
    mode: str


@router.get("/events", response={200: list[EventOut], ERROR_CODES: ErrorBody})
@paginate(Pages)
def list_events(request: HttpRequest) -> QuerySet[Event]:
    """The events in which the caller is an organizer, a participant or a viewer."""
    return visible_events(request.auth).select_related("series")


@router.get("/events/{event_id}", response={200: EventOut, ERROR_CODES: ErrorBody})
def get_event(request: HttpRequest, event_id: Id) -> Event:
    return access(request, event_id).event


@router.get("/events/{event_id}/sessions", response={200: list[SessionOut], ERROR_CODES: ErrorBody})
@paginate(Pages)
def list_sessions(request: HttpRequest, event_id: Id) -> QuerySet[Session]:
    return Session.objects.filter(event=access(request, event_id).event)
