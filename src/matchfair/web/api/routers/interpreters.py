"""The event's interpreters: list, read, add, change and delete, for organizers only.

Every write calls the organizer pages' domain function, so the API refuses what the
pages refuse, with the same words and the field at fault: 422 for a value the event
file's rules refuse (a language that is no ISO 639-1 code, fewer than two, a window
off the event's sessions), 409 for what the event's rows forbid (an id taken, a
published meeting the change would break). Another event's interpreter is 404; a
participant or viewer gets 403.
"""

from datetime import datetime

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.fields import text
from matchfair.web.api.scope import Id, organizer_access
from matchfair.web.events.models import Event, Interpreter
from matchfair.web.meetings.domain.interpreters import (
    InterpreterRuleError,
    add_interpreter,
    change_interpreter,
    delete_interpreter,
)
from matchfair.web.meetings.queries import InterpreterRow, interpreter_rows

router = Router(tags=["interpreters"])


class WindowIo(Schema):
    start: datetime = Field(..., description="ISO 8601 with its UTC offset")
    end: datetime


class InterpreterOut(Schema):
    id: int
    code: str
    languages: list[str]
    availability: list[WindowIo] | None = Field(..., description="null: every session")
    published_meetings: int
    draft_meetings: int


class InterpreterIn(Schema):
    code: text(200, min_length=1) = Field(..., description="The interpreter's id in the event file")
    languages: list[text(20)] = Field(
        ..., max_length=100, description="ISO 639-1 codes, two or more"
    )
    availability: list[WindowIo] | None = Field(None, max_length=1000)


class InterpreterPatch(Schema):
    """The fields to change; a field left out keeps its value (``availability`` null: every
    session)."""

    code: text(200, min_length=1) = None  # type: ignore[assignment]
    languages: list[text(20)] = Field(None, max_length=100)  # type: ignore[assignment]
    availability: list[WindowIo] | None = Field(None, max_length=1000)


def _out(row: InterpreterRow) -> InterpreterOut:
    interpreter = row.interpreter
    return InterpreterOut(
        id=interpreter.pk,
        code=interpreter.code,
        languages=list(interpreter.languages),
        availability=interpreter.availability,
        published_meetings=row.published,
        draft_meetings=row.drafts,
    )


def _row(event: Event, interpreter_id: int) -> InterpreterRow:
    for row in interpreter_rows(event):
        if row.interpreter.pk == interpreter_id:
            return row
    raise Http404("No such interpreter in this event.")


def _stored(windows: list[WindowIo] | None) -> list[dict[str, str]] | None:
    if windows is None:
        return None
    return [{"start": w.start.isoformat(), "end": w.end.isoformat()} for w in windows]


def _refusal(error: InterpreterRuleError) -> ApiError:
    return ApiError.by_field(409 if error.conflict else 422, error.errors)


@router.get(
    "/events/{event_id}/interpreters", response={200: list[InterpreterOut], ERROR_CODES: ErrorBody}
)
def list_interpreters(request: HttpRequest, event_id: Id) -> list[InterpreterOut]:
    event = organizer_access(request, event_id).event
    return [_out(row) for row in interpreter_rows(event)]


@router.get(
    "/events/{event_id}/interpreters/{interpreter_id}",
    response={200: InterpreterOut, ERROR_CODES: ErrorBody},
)
def get_interpreter(request: HttpRequest, event_id: Id, interpreter_id: Id) -> InterpreterOut:
    return _out(_row(organizer_access(request, event_id).event, interpreter_id))


@router.post(
    "/events/{event_id}/interpreters", response={201: InterpreterOut, ERROR_CODES: ErrorBody}
)
def create_interpreter(
    request: HttpRequest, event_id: Id, payload: InterpreterIn
) -> Status[InterpreterOut]:
    event = organizer_access(request, event_id).event
    try:
        added = add_interpreter(
            event=event,
            code=payload.code,
            languages=payload.languages,
            availability=_stored(payload.availability),
        )
    except InterpreterRuleError as error:
        raise _refusal(error) from None
    return Status(201, _out(_row(event, added.pk)))


@router.patch(
    "/events/{event_id}/interpreters/{interpreter_id}",
    response={200: InterpreterOut, ERROR_CODES: ErrorBody},
)
def update_interpreter(
    request: HttpRequest, event_id: Id, interpreter_id: Id, payload: InterpreterPatch
) -> InterpreterOut:
    event = organizer_access(request, event_id).event
    interpreter = get_object_or_404(Interpreter, pk=interpreter_id, event=event)
    changes = payload.model_dump(exclude_unset=True)
    for name in ("code", "languages"):
        if name in changes and changes[name] is None:
            raise ApiError(422, "Send a value; null does not clear this field.", field=name)
    availability = (
        _stored(payload.availability) if "availability" in changes else interpreter.availability
    )
    try:
        change_interpreter(
            interpreter=interpreter,
            code=changes.get("code", interpreter.code),
            languages=changes.get("languages", list(interpreter.languages)),
            availability=availability,
        )
    except InterpreterRuleError as error:
        raise _refusal(error) from None
    return _out(_row(event, interpreter.pk))


@router.delete(
    "/events/{event_id}/interpreters/{interpreter_id}",
    response={204: None, ERROR_CODES: ErrorBody},
)
def remove_interpreter(request: HttpRequest, event_id: Id, interpreter_id: Id) -> Status[None]:
    """Delete an interpreter; its draft meetings lose the assignment. Refused (409) while a
    published meeting is assigned to it."""
    event = organizer_access(request, event_id).event
    interpreter = get_object_or_404(Interpreter, pk=interpreter_id, event=event)
    try:
        delete_interpreter(interpreter=interpreter)
    except InterpreterRuleError as error:
        raise _refusal(error) from None
    return Status(204, None)
