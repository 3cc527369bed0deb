"""What a sign-in tells the account: the browser's language, when the person chose none.

A receiver of ``user_logged_in`` rather than code in one login view, because people sign
in through several (the login page, the sign-up, the password link).
"""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.utils import translation

from matchfair.web.notify.domain.personal import take_browser_language


def take_language_at_sign_in(
    sender: object, request: HttpRequest | None, user: AbstractBaseUser, **kwargs: Any
) -> None:
    """Receiver of ``user_logged_in``: the page's language (Accept-Language, or the language
    cookie) becomes the account's unless it has one."""
    if request is None or not (
        request.META.get("HTTP_ACCEPT_LANGUAGE")
        or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    ):
        return  # The browser said nothing: the site's default is no choice of the person.
    language = getattr(request, "LANGUAGE_CODE", "") or translation.get_language_from_request(
        request
    )
    take_browser_language(user=user, language=language)
