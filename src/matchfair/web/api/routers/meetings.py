"""Recommendations, meeting requests and meetings, each filtered by the caller's role.

Writes go through ``meetings.domain`` and the request functions of
``notify.domain.requests`` (the same functions as the pages), so a move here is
refused for exactly the reasons a move on the page is; after a move or publication
the delegates' agendas are compared, as on the page.
"""

from datetime import datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.fields import text
from matchfair.web.api.pagination import Pages
from matchfair.web.api.scope import MAX_ID, Id, access, organizer_access
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Session
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.moves import move_meeting
from matchfair.web.meetings.domain.publishing import publish_schedule
from matchfair.web.meetings.domain.requests import RequestRuleError
from matchfair.web.meetings.domain.tailor_made import add_tailor_made_meeting
from matchfair.web.meetings.models import Meeting, MeetingRequest, Recommendation
from matchfair.web.meetings.rules import visible_meetings, visible_recommendations, visible_requests
from matchfair.web.notify.domain.agendas import notify_agenda_changes_on_commit
from matchfair.web.notify.domain.requests import MESSAGE_LENGTH, answer_request, send_request
from matchfair.web.stored_text import render_all

router = Router(tags=["meetings"])


class RecommendationOut(Schema):
    organization: int = Field(..., alias="participation_id")
    partner: int = Field(..., alias="partner_id")
    score: float
    reasons: list[str]
    rank: int

    @staticmethod
    def resolve_reasons(recommendation: Recommendation) -> list[str]:
        """Stored in the language of the run; read in the language the client asks for."""
        return render_all(recommendation.reasons)


class RequestOut(Schema):
    id: int
    requester: int = Field(..., alias="requester_id")
    recipient: int = Field(..., alias="recipient_id")
    status: str
    weight: int
    mandatory: bool
    sessions: list[str] | None


class RequestFilter(Schema):
    status: Literal["requested", "accepted", "declined"] | None = None
    mandatory: bool | None = None
    organization: int | None = Field(None, ge=1, le=MAX_ID, description="Made or received by")


class RequestIn(Schema):
    """A participant asks to meet another organization of the event."""

    recipient: int = Field(..., ge=1, le=MAX_ID)
    message: text(MESSAGE_LENGTH) = ""


class AnswerIn(Schema):
    accept: bool


class TailorMadeIn(Schema):
    """A tailor-made (mandatory) meeting the organizer sets up between two organizations."""

    first: int = Field(..., ge=1, le=MAX_ID)
    second: int = Field(..., ge=1, le=MAX_ID)
    weight: int = Field(1, ge=1, le=1000)
    sessions: list[text(200)] | None = Field(None, max_length=100)


class MeetingOut(Schema):
    id: int
    a: int = Field(..., alias="a_id")
    b: int = Field(..., alias="b_id")
    session: str = Field(..., alias="session.code")
    start: datetime
    end: datetime
    location: str | None
    online: bool
    interpreter: str | None
    published: bool

    @staticmethod
    def resolve_interpreter(meeting: Meeting) -> str | None:
        return meeting.interpreter.code if meeting.interpreter else None


class MeetingFilter(Schema):
    session: text(200) | None = Field(None, description="Session id")
    organization: int | None = Field(None, ge=1, le=MAX_ID)
    published: bool | None = None


class MoveIn(Schema):
    session: text(200, min_length=1) = Field(..., description="Session id")
    start: datetime = Field(..., description="Start of a slot of that session")
    location: text(200) | None = None


class PublishOut(Schema):
    published: int


@router.get(
    "/events/{event_id}/recommendations",
    response={200: list[RecommendationOut], ERROR_CODES: ErrorBody},
)
@paginate(Pages)
def list_recommendations(
    request: HttpRequest, event_id: Id, organization: int | None = Query(None, ge=1, le=MAX_ID)
) -> QuerySet[Recommendation]:
    """Partner suggestions with their reasons: a participant gets its own only."""
    rows = visible_recommendations(access(request, event_id))
    return rows.filter(participation_id=organization) if organization else rows


@router.get("/events/{event_id}/requests", response={200: list[RequestOut], ERROR_CODES: ErrorBody})
@paginate(Pages)
def list_requests(
    request: HttpRequest, event_id: Id, filters: Query[RequestFilter]
) -> QuerySet[MeetingRequest]:
    """Organizers see every request; a participant those it made or received."""
    rows = visible_requests(access(request, event_id))
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.mandatory is not None:
        rows = rows.filter(mandatory=filters.mandatory)
    if filters.organization:
        rows = rows.filter(
            Q(requester_id=filters.organization) | Q(recipient_id=filters.organization)
        )
    return rows


def _participant(request: HttpRequest, event_id: int) -> Participation:
    own = access(request, event_id).own
    if own is None:
        raise PermissionDenied("Only a delegate of a participating organization may do this.")
    return own


@router.post("/events/{event_id}/requests", response={201: RequestOut, ERROR_CODES: ErrorBody})
def create_request(
    request: HttpRequest, event_id: Id, payload: RequestIn
) -> Status[MeetingRequest]:
    """Ask to meet an organization, within the organizer's quota and deadline."""
    own = _participant(request, event_id)
    recipient = Participation.objects.filter(event_id=own.event_id, pk=payload.recipient).first()
    if recipient is None:
        raise ApiError(422, "No organization with this id takes part.", field="recipient")
    try:
        made = send_request(
            requester=own,
            recipient=recipient,
            message=payload.message,
            sent_by=request.auth,
            site_url=request.build_absolute_uri("/"),
        )
    except RequestRuleError as error:
        raise ApiError(409, str(error), field=error.field) from None
    return Status(201, made)


@router.post(
    "/events/{event_id}/requests/{request_id}/answer",
    response={200: RequestOut, ERROR_CODES: ErrorBody},
)
def answer(request: HttpRequest, event_id: Id, request_id: Id, payload: AnswerIn) -> MeetingRequest:
    """Accept or decline a request made to your organization."""
    own = _participant(request, event_id)
    asked = get_object_or_404(MeetingRequest, event_id=own.event_id, recipient=own, pk=request_id)
    try:
        return answer_request(
            recipient=own,
            meeting_request=asked,
            accept=payload.accept,
            site_url=request.build_absolute_uri("/"),
        )
    except RequestRuleError as error:
        raise ApiError(409, str(error), field=error.field) from None


@router.post("/events/{event_id}/tailor-made", response={201: RequestOut, ERROR_CODES: ErrorBody})
def create_tailor_made(
    request: HttpRequest, event_id: Id, payload: TailorMadeIn
) -> Status[MeetingRequest]:
    """Set up a mandatory meeting, scheduled before any other (organizers only)."""
    event = organizer_access(request, event_id).event
    pair = {
        p.pk: p
        for p in Participation.objects.filter(event=event, pk__in=[payload.first, payload.second])
    }
    for field in ("first", "second"):
        if getattr(payload, field) not in pair:
            raise ApiError(422, "No organization with this id takes part.", field=field)
    try:
        made = add_tailor_made_meeting(
            event=event,
            first=pair[payload.first],
            second=pair[payload.second],
            weight=payload.weight,
            sessions=payload.sessions,
        )
    except MeetingRuleError as error:
        raise ApiError(409, *error.reasons) from None
    return Status(201, made)


@router.get("/events/{event_id}/meetings", response={200: list[MeetingOut], ERROR_CODES: ErrorBody})
@paginate(Pages)
def list_meetings(
    request: HttpRequest, event_id: Id, filters: Query[MeetingFilter]
) -> QuerySet[Meeting]:
    """Organizers see drafts and published meetings; others the published schedule only."""
    rows = visible_meetings(access(request, event_id)).select_related("session", "interpreter")
    if filters.session:
        rows = rows.filter(session__code=filters.session)
    if filters.organization:
        rows = rows.filter(Q(a_id=filters.organization) | Q(b_id=filters.organization))
    if filters.published is not None:
        rows = rows.filter(published=filters.published)
    return rows


@router.get(
    "/events/{event_id}/meetings/{meeting_id}",
    response={200: MeetingOut, ERROR_CODES: ErrorBody},
)
def get_meeting(request: HttpRequest, event_id: Id, meeting_id: Id) -> Meeting:
    rows = visible_meetings(access(request, event_id)).select_related("session", "interpreter")
    return get_object_or_404(rows, pk=meeting_id)


@router.post(
    "/events/{event_id}/meetings/{meeting_id}/move",
    response={200: MeetingOut, ERROR_CODES: ErrorBody},
)
def move(request: HttpRequest, event_id: Id, meeting_id: Id, payload: MoveIn) -> Meeting:
    """Move a meeting to another slot (and table); refused (409) with every conflict named."""
    event = organizer_access(request, event_id).event
    meeting = get_object_or_404(
        Meeting.objects.select_related("event", "session", "interpreter"),
        event=event,
        pk=meeting_id,
    )
    session = Session.objects.filter(event=event, code=payload.session).first()
    if session is None:
        raise ApiError(422, "The event has no session with this id.", field="session")
    try:
        moved = move_meeting(
            meeting=meeting, session=session, start=payload.start, location=payload.location or None
        )
    except MeetingRuleError as error:
        raise ApiError(409, *error.reasons) from None
    notify_agenda_changes_on_commit(event=event)
    return moved


@router.post(
    "/events/{event_id}/schedule/publish", response={200: PublishOut, ERROR_CODES: ErrorBody}
)
def publish(request: HttpRequest, event_id: Id) -> PublishOut:
    """Publish every draft meeting: participants see them; later runs keep them."""
    event = organizer_access(request, event_id).event
    published = publish_schedule(event=event)
    notify_agenda_changes_on_commit(event=event)
    return PublishOut(published=published)
