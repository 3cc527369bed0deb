"""Password-reset mails limited per asking address and per recipient, per hour.

Anyone may ask for a reset link, so without limits the form mails one person as often
as a stranger likes. Each address may ask ``MATCHFAIR_RESET_REQUESTS_PER_ADDRESS``
times an hour (then 429), whatever address it asks for, so the answer never tells
whether an account exists; each recipient gets at most
``MATCHFAIR_RESET_MAILS_PER_RECIPIENT`` mails an hour, and further requests are
answered as usual ("if an account has this address, a link is on its way") without
a mail.
"""

import math
import unicodedata
from datetime import datetime

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from matchfair.web.security.addresses import client_network
from matchfair.web.security.counters import (
    RESET_PERIOD,
    forget_quiet_counters,
    lock_counters,
    restart,
)


def take_one(key: str, limit: int, now: datetime | None = None) -> float:
    """Count one under ``key`` unless it reached ``limit`` this hour.

    Returns the seconds until the hour of the key is over (0 when it was counted).
    """
    now = now or timezone.now()
    with transaction.atomic():
        (counter,) = lock_counters([key], now)
        if counter.first_at <= now - RESET_PERIOD:
            restart(counter, now)
        if counter.count >= limit:
            return (counter.first_at + RESET_PERIOD - now).total_seconds()
        counter.count += 1
        counter.last_at = now
        counter.save()
    forget_quiet_counters(now)
    return 0.0


def recipient_key(email: str) -> str:
    """A recipient as Django's reset form compares addresses (NFKC, case-folded)."""
    return "reset-recipient:" + unicodedata.normalize("NFKC", email).casefold()


class LimitedPasswordResetForm(PasswordResetForm):
    """Django's reset form, which sends nothing to a recipient who had enough mails this hour."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, object],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        if take_one(recipient_key(to_email), settings.MATCHFAIR_RESET_MAILS_PER_RECIPIENT) > 0:
            return
        super().send_mail(
            subject_template_name,
            email_template_name,
            context,
            from_email,
            to_email,
            html_email_template_name,
        )


class LimitedPasswordResetView(auth_views.PasswordResetView):
    """Django's reset page, answering 429 to an address that asked too often this hour."""

    form_class = LimitedPasswordResetForm

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        network = client_network(request)
        if network is not None:
            limit = settings.MATCHFAIR_RESET_REQUESTS_PER_ADDRESS
            wait = take_one(f"reset-address:{network}", limit)
            if wait > 0:
                context = {"minutes": math.ceil(wait / 60)}
                response = render(request, "security/reset_limited.html", context, status=429)
                response["Retry-After"] = str(math.ceil(wait))
                return response
        return super().post(request, *args, **kwargs)
