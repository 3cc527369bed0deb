"""API tokens made and revoked from the organizer's page, with the audit trail told.

A token acts as its organizer in every event they organize, so its creation and its
revocation are written to the trail of each of those events: whoever reads one
event's trail sees every credential that could change it. (The audit trail is kept
per event; a superuser's token, which reaches every event, is noted in the events
that list the superuser as an organizer.)
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from matchfair.web.api.models import ApiToken
from matchfair.web.api.tokens import IssuedToken, issue_token, revoke_token
from matchfair.web.audit.services import record


def _tell_events(user: AbstractBaseUser, action: str, token: ApiToken) -> None:
    for event in user.organized_events.all():
        record(event, action, token, f"“{token.name}” ({token.prefix}…)")


@transaction.atomic
def create_token(*, user: AbstractBaseUser, name: str) -> IssuedToken:
    """A new token of ``user``; its plain text is in the result only."""
    issued = issue_token(user, name)
    _tell_events(user, "api-token.created", issued.token)
    return issued


@transaction.atomic
def withdraw_token(*, token: ApiToken) -> None:
    """Revoke a token at once; revoking it again changes nothing and writes nothing."""
    locked = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
    if locked.revoked_at is not None:
        return
    revoke_token(locked)
    _tell_events(locked.user, "api-token.revoked", locked)
