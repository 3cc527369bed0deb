"""Signs of life from a running job and from the job worker, for telling a dead worker apart.

A worker killed in the middle of a run (out of memory, SIGKILL, a lost machine)
cannot mark its job failed, and its result was never stored: results are written
in one transaction at the very end. While a job runs, a thread of the worker
touches ``Job.heartbeat_at`` every ``MATCHFAIR_JOB_HEARTBEAT_SECONDS``; a running
job silent for ``MATCHFAIR_JOB_STALE_SECONDS`` is marked failed
(``jobs.domain.states.fail_stale_jobs``), so the organizer sees the failure and
re-runs it. Checked whenever a job is started or run, and when the API lists runs.

The worker itself beats too, job or no job: a run stays queued while no worker is
running, so the organizer's pages warn when no worker has been seen for
``WORKER_SILENT_AFTER`` rather than leave the run queued without a word.
"""

import os
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from matchfair.web.jobs.models import Job, WorkerBeat

WORKER_SILENT_AFTER = timedelta(minutes=1)
"""A worker beats every MATCHFAIR_JOB_HEARTBEAT_SECONDS (10 s); six missed beats in a row
mean it is gone or stuck, not merely slowed down by a busy database."""


def _beat(touch: Callable[[], object], stop: threading.Event, interval: float) -> None:
    try:
        while not stop.wait(interval):
            try:
                touch()
            except DatabaseError:
                continue  # a busy database: the next beat tries again
    finally:
        connection.close()


@contextmanager
def _beating(touch: Callable[[], object], name: str) -> Iterator[None]:
    """Call ``touch`` every heartbeat interval while the block runs (a daemon thread, its own
    connection, so that a long job or a wait for a lock does not hold the beat back)."""
    interval = settings.MATCHFAIR_JOB_HEARTBEAT_SECONDS
    stop = threading.Event()
    thread = threading.Thread(target=_beat, args=(touch, stop, interval), name=name, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=interval)


@contextmanager
def heartbeat(job: Job) -> Iterator[None]:
    """Keep ``job`` marked alive while the block runs."""

    def touch() -> None:
        Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())

    with _beating(touch, f"heartbeat-{job.pk}"):
        yield


def note_worker_alive() -> None:
    """Record that a job worker (this process) is alive now."""
    WorkerBeat.objects.update_or_create(
        pk=1,
        defaults={"seen_at": timezone.now(), "pid": os.getpid(), "host": socket.gethostname()},
    )


@contextmanager
def worker_heartbeat() -> Iterator[None]:
    """Keep the job worker marked alive while the block runs, from its first moment."""
    with suppress(DatabaseError):  # a busy database: the beats that follow try again
        note_worker_alive()
    with _beating(note_worker_alive, "worker-heartbeat"):
        yield


def worker_silent(now: datetime | None = None) -> bool:
    """Whether no job worker has been seen for ``WORKER_SILENT_AFTER`` (or ever)."""
    now = now or timezone.now()
    seen_at = WorkerBeat.objects.values_list("seen_at", flat=True).first()
    return seen_at is None or seen_at < now - WORKER_SILENT_AFTER
