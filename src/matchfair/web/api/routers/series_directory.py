"""The series directory: every organization of every edition of the event's series."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.fields import text
from matchfair.web.api.scope import Id, organizer_access
from matchfair.web.directory.series_directory import (
    DirectoryEntry,
    NoSeriesError,
    search_directory,
)

router = Router(tags=["series directory"])


class EditionOut(Schema):
    id: int
    name: str


class DirectoryEntryOut(Schema):
    """An organization of the series; ``id`` is its directory entry's, not a participation's."""

    id: int = Field(..., alias="organization.pk")
    name: str = Field(..., alias="organization.name")
    country: str = Field(..., alias="organization.country")
    kind: str = Field(..., alias="organization.kind")
    editions: list[EditionOut]
    returning: bool
    in_event: bool
    score: float | None = Field(None, description="Cosine similarity; null before the index")


class DirectoryFilter(Schema):
    q: text(300) | None = Field(None, description="What an organization offers or seeks")
    country: text(2) | None = Field(None, description="ISO 3166-1 alpha-2")
    returning: bool = Field(False, description="Only organizations of more than one edition")


@router.get(
    "/events/{event_id}/series-directory",
    response={200: list[DirectoryEntryOut], ERROR_CODES: ErrorBody},
)
def series_directory(
    request: HttpRequest, event_id: Id, filters: Query[DirectoryFilter]
) -> list[DirectoryEntry]:
    """Search the series' organizations (organizers of the event only); returning first.

    Without ``q``: the organizations of other editions most like this event's.
    """
    event = organizer_access(request, event_id).event
    if event.series is None:
        raise ApiError(409, str(NoSeriesError()))
    return search_directory(
        event=event,
        query=filters.q or "",
        country=filters.country or "",
        returning=filters.returning,
    )
