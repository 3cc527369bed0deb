"""Which kinds of e-mail a person receives: what the Settings page shows and changes.

Only the kinds in ``MUTABLE_KINDS``: an invitation or an access grant carries the
one link to set a password and always leaves. A muted kind is skipped when mails
are queued (``queueing``); the portal's inbox still shows the notification.
"""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from matchfair.web.outbox.models import MUTABLE_KINDS, MutedKind


def muted_kinds(user: AbstractBaseUser) -> set[str]:
    """The kinds ``user`` has muted."""
    return set(MutedKind.objects.filter(user=user).values_list("kind", flat=True))


@transaction.atomic
def choose_mail_kinds(*, user: AbstractBaseUser, receive: Iterable[str]) -> set[str]:
    """Mute every mutable kind not in ``receive``; returns the kinds now muted."""
    wanted = set(receive)
    muted = {str(kind) for kind in MUTABLE_KINDS if kind not in wanted}
    MutedKind.objects.filter(user=user).exclude(kind__in=muted).delete()
    present = muted_kinds(user)
    MutedKind.objects.bulk_create(
        [MutedKind(user=user, kind=kind) for kind in sorted(muted - present)]
    )
    return muted
