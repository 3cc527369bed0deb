"""Login attempts rate limited per account name and per client address.

Guessing a delegate's password must be slow: after ``MATCHFAIR_LOGIN_ATTEMPTS``
failures for one account name (or ten times as many from one address) within
``MATCHFAIR_LOGIN_WINDOW_SECONDS``, the login form answers 429 until the window
has passed, even for the right password. Failures are rows in the database, so the
limit holds across web processes and restarts.
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from matchfair.web.security.models import LoginFailure

ADDRESS_FACTOR = 10


def client_address(request: HttpRequest | None) -> str | None:
    """The peer address (a reverse proxy must pass the real one as REMOTE_ADDR)."""
    return request.META.get("REMOTE_ADDR") or None if request is not None else None


def note_failure(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **_: Any
) -> None:
    """Receiver of ``user_login_failed``."""
    LoginFailure.objects.create(
        username=str(credentials.get("username", ""))[:150].lower(),
        address=client_address(request),
    )


def is_locked(username: str, address: str | None) -> bool:
    """Too many recent failures for this account name or from this address."""
    since = timezone.now() - timedelta(seconds=settings.MATCHFAIR_LOGIN_WINDOW_SECONDS)
    recent = LoginFailure.objects.filter(at__gte=since)
    limit = settings.MATCHFAIR_LOGIN_ATTEMPTS
    if username and recent.filter(username=username[:150].lower()).count() >= limit:
        return True
    return address is not None and recent.filter(address=address).count() >= limit * ADDRESS_FACTOR


def forget_old_failures() -> int:
    """Delete failures older than the window; returns how many."""
    since = timezone.now() - timedelta(seconds=settings.MATCHFAIR_LOGIN_WINDOW_SECONDS)
    return LoginFailure.objects.filter(at__lt=since).delete()[0]


class LoginRateLimitMiddleware:
    """Refuse a login POST while its account name or address is locked."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.login_path = ""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.login_path:
            self.login_path = reverse(settings.LOGIN_URL)
        if request.method == "POST" and request.path == self.login_path:
            username = request.POST.get("username", "")
            if is_locked(username, client_address(request)):
                forget_old_failures()
                response = render(request, "security/locked.html", status=429)
                response["Retry-After"] = str(settings.MATCHFAIR_LOGIN_WINDOW_SECONDS)
                return response
        return self.get_response(request)
