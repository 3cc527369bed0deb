"""Two ways in: a bearer token for integrators, the login session (with CSRF) for the browser.

Both make the user the audit trail's actor for the rest of the request.
"""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from matchfair.web.api.tokens import user_of_token
from matchfair.web.audit.actor import set_actor


class TokenAuth(HttpBearer):
    """``Authorization: Bearer mf_...``: a token an organizer created."""

    openapi_description = "An API token created by an organizer (POST /api/tokens)."

    def authenticate(self, request: HttpRequest, token: str) -> AbstractBaseUser | None:
        user = user_of_token(token)
        if user is not None:
            request.user = user
            set_actor(user)
        return user


class BrowserSessionAuth(SessionAuth):
    """The session cookie of a logged-in user; writes need the X-CSRFToken header."""

    openapi_description = "The login session of the web pages (writes need X-CSRFToken)."

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is not None:
            set_actor(user)
        return user


API_AUTH = [TokenAuth(), BrowserSessionAuth()]
SESSION_ONLY = [BrowserSessionAuth()]
