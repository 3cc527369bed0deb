"""Password guessing slowed down on every login form, without letting strangers lock anyone out.

``LoginLimitBackend`` comes first in ``AUTHENTICATION_BACKENDS``, so every password
check that Django makes for a request (``/login/``, ``/admin/login/``, any later form)
passes through it, with the name already normalised by the form. It counts the
attempt under keys before the password is compared:

- a browser with a known-device cookie for the account (``trusted_devices``): its
  device only;
- any other browser: the account name (``login_keys.account_key``) and the client's
  network (an IPv4 address or IPv6 /64).

A key may fail ``MATCHFAIR_LOGIN_ATTEMPTS`` times (an address ten times as many);
after that, each attempt must wait ``MATCHFAIR_LOGIN_DELAY_SECONDS`` after the last
failure, doubling with every further failure up to
``MATCHFAIR_LOGIN_MAX_DELAY_SECONDS``. A waiting attempt is answered 429 with
``Retry-After`` and no password is compared. A key's count is forgotten after
``MATCHFAIR_LOGIN_WINDOW_SECONDS`` without a failure. Attempts are counted before the
password is checked (a login takes its own back), so parallel requests cannot all
slip into one gap. There are no hard lock-outs: strangers can only slow down
attempts made from unknown browsers, never a known device of the account.
"""

import math
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from matchfair.web.security.addresses import client_network
from matchfair.web.security.counters import forget_quiet_counters, lock_counters, restart
from matchfair.web.security.login_keys import account_key
from matchfair.web.security.models import AttemptCounter
from matchfair.web.security.trusted_devices import device_of, issue_device_cookie, trust_device

ADDRESS_FACTOR = 10
# Request attributes: the seconds an attempt must still wait, the keys it was counted under.
_WAIT = "_matchfair_login_wait"
_COUNTED = "_matchfair_login_counted"


def delay_after(failures: int, free: int) -> float:
    """Seconds an attempt must wait after the last of ``failures`` failures of one key."""
    if failures < free:
        return 0.0
    doublings = min(failures - free, 64)
    return min(
        settings.MATCHFAIR_LOGIN_DELAY_SECONDS * 2**doublings,
        settings.MATCHFAIR_LOGIN_MAX_DELAY_SECONDS,
    )


def attempt_keys(request: HttpRequest, username: str) -> dict[str, int]:
    """The keys an attempt on ``username`` from this request counts under, with their free failures."""
    free = settings.MATCHFAIR_LOGIN_ATTEMPTS
    key = account_key(username)
    device = device_of(request, key)
    if device is not None:
        return {f"login-device:{device}": free}
    keys = {f"login-account:{key}": free}
    if (network := client_network(request)) is not None:
        keys[f"login-address:{network}"] = free * ADDRESS_FACTOR
    return keys


def count_attempt(keys: dict[str, int], now: datetime | None = None) -> float:
    """Count one attempt under every key, unless one of them must still wait.

    Returns the seconds left to wait (0 when the attempt was counted and may go on).
    """
    now = now or timezone.now()
    window = timedelta(seconds=settings.MATCHFAIR_LOGIN_WINDOW_SECONDS)
    with transaction.atomic():
        counters = lock_counters(keys, now)
        wait = 0.0
        for counter in counters:
            if counter.last_at < now - window:
                restart(counter, now)
            allowed = counter.last_at + timedelta(
                seconds=delay_after(counter.count, keys[counter.key])
            )
            wait = max(wait, (allowed - now).total_seconds())
        if wait > 0:
            return wait
        for counter in counters:
            counter.count += 1
            counter.last_at = now
            counter.save()
    forget_quiet_counters(now)
    return 0.0


class LoginLimitBackend:
    """Counts each password attempt and refuses it while one of its keys must wait.

    It never authenticates anyone itself: it returns ``None`` to let the next backend
    compare the password, or raises ``PermissionDenied`` so that no backend does. It
    has no ``get_user`` (nor permission methods), so Django never picks it to restore
    a session's user, to check permissions or for a test client's ``force_login``.
    Calls without a request (management commands, tests' ``Client.login``) are not
    counted: no one outside can make them.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **credentials: Any,
    ) -> AbstractBaseUser | None:
        if request is None or username is None:
            return None
        keys = attempt_keys(request, username)
        wait = count_attempt(keys)
        if wait > 0:
            setattr(request, _WAIT, wait)
            raise PermissionDenied
        setattr(request, _COUNTED, list(keys))
        return None


def take_back_attempt(
    sender: object, request: HttpRequest | None, user: AbstractBaseUser, **_: Any
) -> None:
    """Receiver of ``user_logged_in``: a login is no failure, and the browser becomes known.

    The device's own count starts again; the account's and the address's only lose this
    attempt, so that strangers' failures still count after the owner logged in.
    """
    if request is None:
        return
    counted = getattr(request, _COUNTED, [])
    devices = [key for key in counted if key.startswith("login-device:")]
    AttemptCounter.objects.filter(key__in=devices).update(count=0)
    AttemptCounter.objects.filter(key__in=counted).exclude(key__in=devices).update(
        count=Greatest(F("count") - 1, 0)
    )
    trust_device(request, user)


class LoginRateLimitMiddleware:
    """Answers 429 to a refused login attempt, and sets the known-device cookie after a login."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        wait = getattr(request, _WAIT, None)
        if wait is not None:
            seconds = math.ceil(wait)
            response = render(request, "security/locked.html", {"seconds": seconds}, status=429)
            response["Retry-After"] = str(seconds)
        issue_device_cookie(request, response)
        return response
