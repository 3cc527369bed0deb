"""The periodic reminders task: queue what is due, then run again after an interval.

The worker keeps it going: each run enqueues the next one ``REMINDER_INTERVAL``
later (on a backend that can defer, django-tasks-db). Saving an event's reminder
settings starts it, so a fresh installation needs no cron; where a deployment
prefers cron, ``python -m matchfair.web.manage due_reminders`` does one run.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from matchfair.web.notify.domain.reminders import queue_due_reminders

REMINDER_INTERVAL = timedelta(minutes=5)


def _waiting() -> bool:
    """A run is queued already (django-tasks-db): a second chain of runs would only repeat it."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - the database backend is a dependency
        return False
    return DBTaskResult.objects.filter(
        task_path=due_reminders_task.module_path, status="READY"
    ).exists()


def schedule_reminders(after: timedelta | None = None) -> None:
    """Enqueue the task (now, or ``after`` from now where the backend can defer), once."""
    if _waiting():
        return
    runner = due_reminders_task.using(backend=settings.MATCHFAIR_MAIL_TASK_BACKEND)
    if after is not None:
        if not runner.get_backend().supports_defer:
            return
        runner = runner.using(run_after=timezone.now() + after)
    runner.enqueue()


@task()
def due_reminders_task() -> int:
    """Queue the due reminders (the number of mails) and come back after the interval."""
    queued = queue_due_reminders()
    schedule_reminders(REMINDER_INTERVAL)
    return queued
