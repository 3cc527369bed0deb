"""Conversations between participants through the API, with the portal pages' rules.

Only a delegate of one of the two organizations reads or writes a conversation; the
partner is named by its participation id. Another event's participation, or a
conversation the caller is no side of, is a 404; a viewer's or an organizer's write
a 403 (they have no side). Refusals carry the domain's words: 409 messaging switched
off (or a second report), 422 a message or reason too long or empty (naming the
field), 429 too many messages in a short time. Reading a thread marks it read.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.fields import text
from matchfair.web.api.pagination import Pages
from matchfair.web.api.scope import Id, access
from matchfair.web.directory.models import Participation
from matchfair.web.events.rules import EventAccess
from matchfair.web.talk.domain.errors import MessageRuleError
from matchfair.web.talk.domain.messages import conversation_between, mark_read, send_message
from matchfair.web.talk.domain.reports import REASON_LENGTH, report_message
from matchfair.web.talk.models import Message
from matchfair.web.talk.queries import (
    Line,
    conversations_of,
    last_message_id,
    partner_in,
    thread,
)
from matchfair.web.talk.rules import partner_of, side_of, visible_conversations

router = Router(tags=["conversations"])

REFUSALS = ERROR_CODES | {429}
BODY_CAP = 100_000
"""What the schema lets through; the domain refuses anything over its own limit by name."""


class ConversationOut(Schema):
    partner: int = Field(..., description="The other organization's participation id")
    partner_name: str
    unread: int
    last_at: datetime | None = None


class MessageOut(Schema):
    id: int | None = Field(None, description="Null for the note sent with a meeting request")
    side: int = Field(..., description="The participation id of the organization that wrote")
    author: str
    text: str
    at: datetime
    hidden: bool = Field(False, description="Hidden by the organizer after a report")
    request_note: bool = False


class MessageIn(Schema):
    text: text(BODY_CAP)


class ReportIn(Schema):
    reason: text(REASON_LENGTH) = Field(..., description="Why the organizer should look at it")


class ReportOut(Schema):
    id: int
    message: int = Field(..., alias="message_id")
    reason: str
    decision: str


def _side(request: HttpRequest, found: EventAccess, *, writing: bool) -> Participation | None:
    side = side_of(request.auth, found.event)
    if side is None and writing:
        raise PermissionDenied("Only the delegates of a participating organization may write.")
    return side


def _refused(error: MessageRuleError) -> ApiError:
    return ApiError(error.status, str(error), field=error.field)


def _message_out(line: Line) -> dict:
    return {
        "id": line.id,
        "side": line.side.pk,
        "author": line.author,
        "text": line.text,
        "at": line.at,
        "hidden": line.hidden,
        "request_note": line.request_note,
    }


@router.get(
    "/events/{event_id}/conversations",
    response={200: list[ConversationOut], ERROR_CODES: ErrorBody},
)
@paginate(Pages)
def list_conversations(request: HttpRequest, event_id: Id) -> list[dict]:
    """Your organization's conversations in the event, the latest first, with your unread count."""
    side = _side(request, access(request, event_id), writing=False)
    if side is None:
        return []
    rows = []
    for conversation in conversations_of(request.auth, side):
        partner = partner_in(conversation, side)
        rows.append(
            {
                "partner": partner.pk,
                "partner_name": partner.organization.name,
                "unread": conversation.unread,
                "last_at": conversation.last_at,
            }
        )
    return rows


@router.get(
    "/events/{event_id}/conversations/{partner_id}/messages",
    response={200: list[MessageOut], ERROR_CODES: ErrorBody},
)
@paginate(Pages)
def read_messages(request: HttpRequest, event_id: Id, partner_id: Id) -> list[dict]:
    """The thread with one organization (the request notes first); marks it read for you."""
    side = _side(request, access(request, event_id), writing=False)
    if side is None:
        raise Http404
    partner = partner_of(side, partner_id)
    found = conversation_between(side, partner)
    if found is not None:
        mark_read(conversation=found, user=request.auth, up_to=last_message_id(found))
    return [_message_out(line) for line in thread(found, side, partner)]


@router.post(
    "/events/{event_id}/conversations/{partner_id}/messages",
    response={201: MessageOut, REFUSALS: ErrorBody},
)
def send(request: HttpRequest, event_id: Id, partner_id: Id, payload: MessageIn) -> Status[dict]:
    """Write to another organization of the event; every delegate of both reads it."""
    side = _side(request, access(request, event_id), writing=True)
    partner = partner_of(side, partner_id)
    try:
        message = send_message(side=side, partner=partner, author=request.auth, text=payload.text)
    except MessageRuleError as error:
        raise _refused(error) from None
    line = Line(
        id=message.pk,
        side=side,
        author=request.auth.get_full_name() or request.auth.get_username(),
        text=message.text,
        at=message.sent_at,
    )
    return Status(201, _message_out(line))


@router.post(
    "/events/{event_id}/messages/{message_id}/report",
    response={201: ReportOut, ERROR_CODES: ErrorBody},
)
def report(request: HttpRequest, event_id: Id, message_id: Id, payload: ReportIn) -> Status:
    """Show the organizer a message your organization received, with the reason."""
    found = access(request, event_id)
    side = _side(request, found, writing=True)
    message = get_object_or_404(
        Message.objects.select_related("side__organization"),
        pk=message_id,
        hidden_at__isnull=True,
        conversation__in=visible_conversations(request.auth, found.event),
    )
    try:
        done = report_message(
            side=side, message=message, reporter=request.auth, reason=payload.reason
        )
    except MessageRuleError as error:
        raise _refused(error) from None
    return Status(201, done)
