"""Waking the digest task: ``DIGEST_INTERVAL`` after a message, on the mail task backend.

Where the backend cannot run a task later (the tests' immediate backend), nothing is
enqueued: the tests call ``send_digests`` with the time they mean.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

DIGEST_INTERVAL = timedelta(minutes=15)
"""At most one digest per person and event in this time; a message waits at most this long."""


def _enqueue() -> None:
    from matchfair.web.talk.tasks import send_message_digests_task

    task = send_message_digests_task.using(backend=settings.MATCHFAIR_MAIL_TASK_BACKEND)
    if not task.get_backend().supports_defer:
        return
    task.using(run_after=timezone.now() + DIGEST_INTERVAL).enqueue()


def wake_digest_on_commit() -> None:
    """Have the worker send the digests due once the interval after this message has passed."""
    transaction.on_commit(_enqueue)
