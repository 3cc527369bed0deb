"""Creating, checking and revoking API tokens; the plain token is shown once, at creation.

Tokens carry 256 random bits, so a fast digest is enough: guessing is hopeless and
a lookup by digest needs no comparison in Python.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from matchfair.web.api.models import ApiToken

TOKEN_PREFIX = "mf_"
LAST_USED_PRECISION = timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    plain: str


def digest(plain: str) -> str:
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


def issue_token(user: AbstractBaseUser, name: str) -> IssuedToken:
    """A new token for ``user``; keep ``plain``, it cannot be shown again."""
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=plain[: len(TOKEN_PREFIX) + 6], digest=digest(plain)
    )
    return IssuedToken(token=token, plain=plain)


def valid_token(plain: str) -> ApiToken | None:
    """The unrevoked token of an active user that ``plain`` is; None otherwise."""
    if not plain.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest(plain), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    return token


def user_of_token(plain: str) -> AbstractBaseUser | None:
    """The active user a valid, unrevoked token belongs to; None otherwise."""
    token = valid_token(plain)
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def revoke_token(token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
