"""Known devices: a browser that logged in to an account before is not held back by strangers.

After a login (or a password reset through the mailed link, which proves the mailbox)
the browser gets a signed cookie naming the account and a random device id. A login
attempt for that account that shows the cookie is counted against the device only,
never against the account's or the address's counters that strangers fill (the
"device cookie" design of OWASP's authentication guidance), so guessing elsewhere
cannot lock the owner out of their own browser.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.base_user import AbstractBaseUser
from django.core import signing
from django.forms import Form
from django.http import HttpRequest, HttpResponse

from matchfair.web.security.login_keys import account_key

COOKIE = "matchfair_device"
SALT = "matchfair.web.security.trusted-device"
LIFETIME = timedelta(days=180)
# The request attribute that asks the middleware to (re)issue the cookie.
_ISSUE = "_matchfair_trusted_device"


def device_of(request: HttpRequest, key: str) -> str | None:
    """The id of this browser's device if its cookie is genuine, recent and names account ``key``."""
    value = request.COOKIES.get(COOKIE)
    if not value:
        return None
    try:
        content = signing.loads(value, salt=SALT, max_age=LIFETIME)
    except signing.BadSignature:
        return None
    if not isinstance(content, dict) or content.get("account") != key:
        return None
    device = content.get("device")
    return device if isinstance(device, str) and device else None


def trust_device(request: HttpRequest, user: AbstractBaseUser) -> None:
    """Mark this browser as a known device of ``user`` (the cookie goes out with the response)."""
    key = account_key(user.get_username())
    device = device_of(request, key) or secrets.token_urlsafe(18)
    setattr(request, _ISSUE, (key, device))


def issue_device_cookie(request: HttpRequest, response: HttpResponse) -> None:
    """Set the cookie that ``trust_device`` asked for, if it did."""
    issued = getattr(request, _ISSUE, None)
    if issued is None:
        return
    key, device = issued
    response.set_cookie(
        COOKIE,
        signing.dumps({"account": key, "device": device}, salt=SALT),
        max_age=int(LIFETIME.total_seconds()),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


class TrustingPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's "choose a new password" page, which also makes the browser a known device.

    Whoever holds the mailed link controls the mailbox and may set the password anyway,
    so trusting their browser gives an attacker nothing, while it lets an owner whose
    account strangers are guessing at log in again at once.
    """

    def form_valid(self, form: Form) -> HttpResponse:
        trust_device(self.request, self.user)
        return super().form_valid(form)
