"""Reads of API tokens that the token page and the token endpoints share."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from matchfair.web.api.models import ApiToken


def tokens_of(user: AbstractBaseUser) -> QuerySet[ApiToken]:
    """The user's own tokens, revoked ones included; nobody reads another's tokens."""
    return ApiToken.objects.filter(user=user)
