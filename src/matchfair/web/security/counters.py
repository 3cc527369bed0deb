"""Attempt counters in the database, locked row by row so that parallel requests count alike."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings

from matchfair.web.security.models import AttemptCounter

# Password-reset mails are counted per hour.
RESET_PERIOD = timedelta(hours=1)


def lock_counters(keys: Iterable[str], now: datetime) -> list[AttemptCounter]:
    """The counters of these keys (new ones at zero), locked until the transaction ends.

    Call inside ``transaction.atomic()``. Keys are locked in sorted order, so that two
    requests locking the same keys cannot deadlock.
    """
    return [
        AttemptCounter.objects.select_for_update().get_or_create(
            key=key, defaults={"first_at": now, "last_at": now}
        )[0]
        for key in sorted(set(keys))
    ]


def restart(counter: AttemptCounter, now: datetime) -> None:
    """Start counting afresh (not saved)."""
    counter.count = 0
    counter.first_at = now
    counter.last_at = now


def forget_quiet_counters(now: datetime) -> int:
    """Delete counters that no limit looks at any more; returns how many."""
    keep = max(timedelta(seconds=settings.MATCHFAIR_LOGIN_WINDOW_SECONDS), RESET_PERIOD)
    return AttemptCounter.objects.filter(last_at__lt=now - keep).delete()[0]
