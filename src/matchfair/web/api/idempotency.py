"""Idempotency keys on API writes (pretix's convention): a retried write is done once.

An integrator whose connection dropped after a POST cannot know whether it went
through; sending it again with the same ``Idempotency-Key`` header answers the first
answer again (with ``Idempotent-Replayed: true``) instead of doing it twice. The
same key with a different body is a 422; a key whose first request is still running
is a 409. Server errors are not kept, so such a write can be retried. Writes
without the header behave as usual.

What a record may hold is limited, since it outlives the request:

- it belongs to the authenticated principal (the token, or the logged-in user), never
  to raw credentials: a logged-out session cookie is nobody and gets no replay;
- an answer marked ``Cache-Control: no-store`` (a new API token) is not kept: its
  replay is a 409 that says so, so the database never holds a secret to hand out;
- records are deleted after ``KEPT_FOR``, by the next keyed write;
- a key left running by a process that died (killed mid-request) is taken over by
  the next try once ``STALE_AFTER`` has passed, instead of answering 409 for ever.
"""

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from matchfair.web.api.models import IdempotentRequest
from matchfair.web.api.tokens import valid_token

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_KEY_LENGTH = 200
# A day covers every sensible retry of a dropped connection.
KEPT_FOR = timedelta(hours=24)
# No API write works for minutes (scheduler runs are jobs), so a key running this long
# belongs to a process that is gone.
STALE_AFTER = timedelta(minutes=10)


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse(
        {"errors": [{"field": "header.Idempotency-Key", "message": message}]}, status=status
    )


def principal(request: HttpRequest) -> str | None:
    """Who the API will take the request to come from, as the API's authentication decides.

    A valid token first (as ``API_AUTH`` tries it first), then the logged-in user;
    None for nobody, whose writes the API refuses anyway.
    """
    scheme, _space, credential = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        token = valid_token(credential.strip())
        if token is not None:
            return f"token:{token.pk}"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return None


def _keeps_secret(response: HttpResponse) -> bool:
    return "no-store" in response.get("Cache-Control", "")


class IdempotencyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.headers.get("Idempotency-Key")
        if key is None or request.method not in WRITES or not request.path.startswith("/api/"):
            return self.get_response(request)
        if not key or len(key) > MAX_KEY_LENGTH:
            return _error(422, f"Send a key of 1 to {MAX_KEY_LENGTH} characters.")
        caller = principal(request)
        if caller is None:
            return self.get_response(request)
        now = timezone.now()
        IdempotentRequest.objects.filter(created_at__lt=now - KEPT_FOR).delete()
        stored_key = _digest(caller, key, request.method, request.path)
        body = _digest(request.body)
        try:
            with transaction.atomic():
                IdempotentRequest.objects.create(key=stored_key, request_digest=body)
        except IntegrityError:
            if not self._take_over(stored_key, body, now):
                return self._replay(stored_key, body)
        response = self.get_response(request)
        if response.status_code >= 500:
            IdempotentRequest.objects.filter(key=stored_key).delete()
            return response
        withheld = _keeps_secret(response)
        IdempotentRequest.objects.filter(key=stored_key).update(
            status=response.status_code,
            content="" if withheld else response.content.decode("utf-8"),
            content_type=response.get("Content-Type", ""),
            withheld=withheld,
        )
        return response

    @staticmethod
    def _take_over(stored_key: str, body: str, now: datetime) -> bool:
        """Claim a key whose first request has been running longer than a request can."""
        claimed = IdempotentRequest.objects.filter(
            key=stored_key, status=0, started_at__lt=now - STALE_AFTER
        ).update(started_at=now, request_digest=body)
        return claimed == 1

    @staticmethod
    def _replay(stored_key: str, body: str) -> HttpResponse:
        first = IdempotentRequest.objects.filter(key=stored_key).first()
        if first is None:
            return _error(
                409,
                "The first request with this key ended without an answer to keep; send it again.",
            )
        if first.request_digest != body:
            return _error(422, "This key was used for a different request.")
        if first.status == 0:
            return _error(409, "The first request with this key is still running.")
        if first.withheld:
            return _error(
                409,
                f"The first request with this key was answered ({first.status}), but its "
                "answer held a secret, which is never kept; send a new key to ask again.",
            )
        response = HttpResponse(first.content, status=first.status, content_type=first.content_type)
        response["Idempotent-Replayed"] = "true"
        return response
