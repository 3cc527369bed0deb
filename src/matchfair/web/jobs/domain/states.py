"""A job's way from queued to running to succeeded or failed, written to its row as it goes.

A runner writes its results in one transaction at its end, so these transitions
are the only writes a failed run leaves behind: its status, its error and how far
it had come. Progress goes straight to the row, outside any result transaction,
so that the organizer's page sees it while the run is still going.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.core import FormatError, Progress, ProgressCallback
from matchfair.web import stored_text
from matchfair.web.directory.series_directory import NoSeriesError
from matchfair.web.exchange.errors import StoredDataError
from matchfair.web.jobs.models import Job
from matchfair.web.meetings.domain.runs import ScheduleNotStoredError

logger = logging.getLogger(__name__)

EXPLAINED_ERRORS = (FormatError, NoSeriesError, ScheduleNotStoredError, StoredDataError)
"""Failures whose message already tells the organizer what to do: shown without the
exception's class name, which means something only to a developer."""


def claim(*, job: Job) -> bool:
    """Mark the queued ``job`` running; False (and nothing written) when it is no longer queued.

    Running a job twice (a task delivered again, a worker retrying after a lock)
    is thereby harmless: the second call finds it running or finished.
    """
    if job.status != Job.Status.QUEUED:
        return False
    job.status = Job.Status.RUNNING
    job.started_at = job.heartbeat_at = timezone.now()
    job.save(update_fields=["status", "started_at", "heartbeat_at"])
    return True


def progress_writer(*, job: Job) -> ProgressCallback:
    """Write each report's fraction and words (its phase when it has none) to the job row."""

    def write(progress: Progress) -> None:
        Job.objects.filter(pk=job.pk).update(
            progress=min(max(progress.fraction, 0.0), 1.0),
            message=(progress.message or progress.phase)[:500],
        )

    return write


def succeed(*, job: Job, result: stored_text.Stored) -> None:
    """The run stored its results: done, with what it did as a message (and its words now)."""
    job.status = Job.Status.SUCCEEDED
    job.progress = 1.0
    job.result = result
    job.message = stored_text.render(result)[:500]
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "progress", "result", "message", "finished_at"])


def fail(*, job: Job, error: Exception) -> None:
    """The run raised ``error``: failed, with a message the organizer can act on."""
    explained = isinstance(error, EXPLAINED_ERRORS)
    if explained:
        logger.info("job %s failed: %s", job.pk, error)
    else:
        logger.exception("job %s failed", job.pk, exc_info=error)
    job.status = Job.Status.FAILED
    job.error = str(error) if explained else f"{type(error).__name__}: {error}"
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])


def fail_stale_jobs(*, now: datetime | None = None) -> int:
    """Mark failed every running job whose worker has shown no sign of life; returns how many.

    A worker killed in the middle of a run cannot mark its job failed; its heartbeat
    (``jobs.heartbeat``) stops instead, and this turns that silence into a failure
    the organizer sees and can re-run.
    """
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
