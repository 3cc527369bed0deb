"""API tokens: an organizer creates them while logged in (session only) and may revoke them."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from matchfair.web.accounts.rules import can_create_events
from matchfair.web.api.auth import SESSION_ONLY
from matchfair.web.api.domain.tokens import create_token as issue_and_record
from matchfair.web.api.domain.tokens import withdraw_token
from matchfair.web.api.errors import ERROR_CODES, ErrorBody
from matchfair.web.api.fields import text
from matchfair.web.api.models import ApiToken
from matchfair.web.api.pagination import Pages
from matchfair.web.api.scope import Id

router = Router(tags=["tokens"], auth=SESSION_ONLY)


class TokenIn(Schema):
    name: text(200, min_length=1)


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class IssuedTokenOut(TokenOut):
    token: str


def _organizer(request: HttpRequest) -> None:
    if not can_create_events(request.auth):
        raise PermissionDenied("Only organizers' accounts may hold API tokens.")


@router.get("/tokens", response={200: list[TokenOut], ERROR_CODES: ErrorBody})
@paginate(Pages)
def list_tokens(request: HttpRequest) -> QuerySet[ApiToken]:
    _organizer(request)
    return ApiToken.objects.filter(user=request.auth)


@router.post("/tokens", response={201: IssuedTokenOut, ERROR_CODES: ErrorBody})
def create_token(
    request: HttpRequest, response: HttpResponse, payload: TokenIn
) -> Status[IssuedTokenOut]:
    """A token acting as you; the answer holds it in full, once (only a digest is stored).

    Made through ``api.domain.tokens`` like the page's, so the audit trail of every event
    the caller organizes records it. The answer is marked ``no-store``: no cache, nor
    the idempotency records, keeps the token.
    """
    _organizer(request)
    add_never_cache_headers(response)
    issued = issue_and_record(user=request.auth, name=payload.name)
    out = TokenOut.from_orm(issued.token).dict()
    return Status(201, IssuedTokenOut(**out, token=issued.plain))


@router.post("/tokens/{token_id}/revoke", response={200: TokenOut, ERROR_CODES: ErrorBody})
def revoke(request: HttpRequest, token_id: Id) -> ApiToken:
    _organizer(request)
    token = get_object_or_404(ApiToken, user=request.auth, pk=token_id)
    withdraw_token(token=token)
    token.refresh_from_db()
    return token
