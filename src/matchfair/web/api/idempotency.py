"""Idempotency keys on API writes (pretix's convention): a retried write is done once.

An integrator whose connection dropped after a POST cannot know whether it went
through; sending it again with the same ``Idempotency-Key`` header answers the first
answer again (with ``Idempotent-Replayed: true``) instead of doing it twice. The
same key with a different body is a 422; a key whose first request is still running
is a 409. Server errors are not kept, so such a write can be retried. Writes
without the header behave as usual.
"""

import hashlib
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse

from matchfair.web.api.models import IdempotentRequest

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_KEY_LENGTH = 200


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


class IdempotencyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.headers.get("Idempotency-Key")
        if key is None or request.method not in WRITES or not request.path.startswith("/api/"):
            return self.get_response(request)
        if not key or len(key) > MAX_KEY_LENGTH:
            return _error(422, f"Send a key of 1 to {MAX_KEY_LENGTH} characters.")
        caller = (
            request.headers.get("Authorization", "") + "|" + request.COOKIES.get("sessionid", "")
        )
        stored_key = _digest(caller, key, request.method, request.path)
        body = _digest(request.body)
        try:
            with transaction.atomic():
                IdempotentRequest.objects.create(key=stored_key, request_digest=body)
        except IntegrityError:
            return self._replay(stored_key, body)
        response = self.get_response(request)
        if response.status_code >= 500:
            IdempotentRequest.objects.filter(key=stored_key).delete()
            return response
        IdempotentRequest.objects.filter(key=stored_key).update(
            status=response.status_code,
            content=response.content.decode("utf-8"),
            content_type=response.get("Content-Type", ""),
        )
        return response

    @staticmethod
    def _replay(stored_key: str, body: str) -> HttpResponse:
        first = IdempotentRequest.objects.get(key=stored_key)
        if first.request_digest != body:
            return _error(422, "This key was used for a different request.")
        if first.status == 0:
            return _error(409, "The first request with this key is still running.")
        response = HttpResponse(first.content, status=first.status, content_type=first.content_type)
        response["Idempotent-Replayed"] = "true"
        return response
