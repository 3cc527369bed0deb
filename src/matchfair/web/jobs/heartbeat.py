"""Signs of life from a running job, and failing the runs whose worker died.

A worker killed in the middle of a run (out of memory, SIGKILL, a lost machine)
cannot mark its job failed, and its result was never stored: results are written
in one transaction at the very end. While a job runs, a thread of the worker
touches ``Job.heartbeat_at`` every ``MATCHFAIR_JOB_HEARTBEAT_SECONDS``; a running
job silent for ``MATCHFAIR_JOB_STALE_SECONDS`` is marked failed, so the organizer
sees the failure and re-runs it. Checked whenever a job is started or run, and
when the API lists runs.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web.jobs.models import Job


def _beat(job_id: int, stop: threading.Event, interval: float) -> None:
    try:
        while not stop.wait(interval):
            try:
                Job.objects.filter(pk=job_id).update(heartbeat_at=timezone.now())
            except DatabaseError:
                continue  # a busy database: the next beat tries again
    finally:
        connection.close()


@contextmanager
def heartbeat(job: Job) -> Iterator[None]:
    """Keep ``job`` marked alive while the block runs (a daemon thread, its own connection)."""
    interval = settings.MATCHFAIR_JOB_HEARTBEAT_SECONDS
    stop = threading.Event()
    thread = threading.Thread(
        target=_beat, args=(job.pk, stop, interval), name=f"heartbeat-{job.pk}", daemon=True
    )
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=interval)


def fail_stale_jobs(now: datetime | None = None) -> int:
    """Mark failed every running job whose worker has shown no sign of life; returns how many."""
    now = now or timezone.now()
    silent_since = now - timedelta(seconds=settings.MATCHFAIR_JOB_STALE_SECONDS)
    stale = Job.objects.filter(status=Job.Status.RUNNING).filter(
        Q(heartbeat_at__lt=silent_since) | Q(heartbeat_at__isnull=True, started_at__lt=silent_since)
    )
    return stale.update(
        status=Job.Status.FAILED,
        error=_(
            "The worker stopped in the middle of this run; nothing of it was stored. Run it again."
        ),
        finished_at=now,
    )
