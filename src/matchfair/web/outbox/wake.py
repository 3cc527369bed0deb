"""Waking the worker for the outbox: after the commit, once per transaction, or at a time.

The delivery task drains every due mail, so one wake-up per ``queue_mails`` call is
enough however many mails it queued (a second task finds nothing left to do). A retry later than now is a task run after that time
where the backend can defer (django-tasks-db can; the immediate backend of the
tests cannot, and they call the delivery themselves).
"""

from datetime import datetime

from django.conf import settings
from django.db import transaction


def _enqueue(run_after: datetime | None = None) -> None:
    from matchfair.web.outbox.tasks import deliver_outbox_task

    task = deliver_outbox_task.using(backend=settings.MATCHFAIR_MAIL_TASK_BACKEND)
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return
        task = task.using(run_after=run_after)
    task.enqueue()


def wake_on_commit() -> None:
    """Have the worker deliver once the current transaction commits (at once without one)."""
    transaction.on_commit(_enqueue)


def wake_at(when: datetime) -> None:
    """Have the worker look again at ``when`` (the next retry)."""
    _enqueue(run_after=when)
