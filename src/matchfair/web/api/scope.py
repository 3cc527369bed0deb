"""Every endpoint reaches an event through here: no role, no event (404, as if it did not exist)."""

from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Field, Path

from matchfair.web.events.models import Event
from matchfair.web.events.rules import EventAccess, event_access

# Ids as the database can hold them: anything larger is a 422, never a database error.
MAX_ID = 2**63 - 1
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]


def access(request: HttpRequest, event_id: int) -> EventAccess:
    event = Event.objects.filter(pk=event_id).first()
    found = event_access(request.auth, event) if event is not None else None
    if found is None:
        raise Http404
    return found


def organizer_access(request: HttpRequest, event_id: int) -> EventAccess:
    """The event, for a change only its organizers may make."""
    found = access(request, event_id)
    if not found.organizes:
        raise PermissionDenied("Only the event's organizers may do this.")
    return found
