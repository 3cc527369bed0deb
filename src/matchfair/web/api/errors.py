"""Error bodies that say what was wrong: ``{"errors": [{"field": ..., "message": ...}]}``.

Every failure of the API, from a malformed field to a broken scheduling rule,
answers in this one shape, so an integrator's code has one thing to read.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from matchfair.web.exchange.errors import StoredDataError


class ErrorItem(Schema):
    field: str | None = None
    message: str


class ErrorBody(Schema):
    errors: list[ErrorItem]


ERROR_CODES = frozenset({400, 401, 403, 404, 409, 413, 422})


class ApiError(Exception):
    """Raised by an endpoint: the status and the messages (field: message) to answer with."""

    def __init__(self, status: int, *messages: str, field: str | None = None) -> None:
        self.status = status
        self.items = [{"field": field, "message": message} for message in messages]
        super().__init__("; ".join(messages))

    @classmethod
    def by_field(cls, status: int, errors: Mapping[str | None, Iterable[str]]) -> "ApiError":
        """Several messages, each naming its own field (a form's or a rule's errors)."""
        error = cls(status, *(message for messages in errors.values() for message in messages))
        error.items = [
            {"field": field, "message": message}
            for field, messages in errors.items()
            for message in messages
        ]
        return error


def _field(location: tuple[Any, ...]) -> str:
    """``("body", "payload", "weight")`` -> ``"weight"``; query and path keep their place."""
    parts = [str(part) for part in location]
    if parts and parts[0] == "body" and len(parts) > 2:
        parts = parts[2:]
    return ".".join(parts)


def _body(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"errors": items}


def install(api: NinjaAPI) -> None:
    """Answer every error of ``api`` in the ErrorBody shape."""

    def respond(request: HttpRequest, status: int, items: list[dict[str, Any]]) -> HttpResponse:
        return api.create_response(request, _body(items), status=status)

    @api.exception_handler(ApiError)
    def api_error(request: HttpRequest, error: ApiError) -> HttpResponse:
        return respond(request, error.status, error.items)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
        items = [
            {"field": _field(tuple(e.get("loc", ()))), "message": str(e.get("msg", ""))}
            for e in error.errors
        ]
        return respond(request, 422, items)

    @api.exception_handler(StoredDataError)
    def stored_data(request: HttpRequest, error: StoredDataError) -> HttpResponse:
        return respond(
            request, 409, [{"field": field, "message": str(error)} for field in error.fields]
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
        message = "Send a token (Authorization: Bearer mf_...) or log in."
        return respond(request, 401, [{"field": None, "message": message}])

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
        return respond(request, error.status_code, [{"field": None, "message": str(error)}])

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
        message = str(error) or "Your role in this event does not allow this."
        return respond(request, 403, [{"field": None, "message": message}])

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
        return respond(request, 404, [{"field": None, "message": "Not found."}])
