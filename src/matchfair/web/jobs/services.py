"""Queueing, running and re-running jobs, with progress the organizer can watch.

A job is queued only after the transaction that created it commits (the worker
must find the row), and a runner writes its results in one transaction at its
end: a failed run leaves the previous results untouched and its error on the page.
"""

import logging
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone, translation

from matchfair.core import FormatError
from matchfair.i18n import use_language
from matchfair.web.events.models import Event
from matchfair.web.jobs.heartbeat import fail_stale_jobs, heartbeat
from matchfair.web.jobs.models import Job
from matchfair.web.meetings.domain.runs import ScheduleNotStoredError

logger = logging.getLogger(__name__)

ProgressReport = Callable[[float, str], None]
Runner = Callable[[Job, ProgressReport], str]

EXPLAINED_ERRORS = (FormatError, ScheduleNotStoredError)
"""Failures whose message already tells the organizer what to do: shown without the
exception's class name, which means something only to a developer."""


def _runners() -> dict[str, Runner]:
    """The runner of each job kind (imported late: runners import the engines)."""
    from matchfair.web.jobs.runners import RUNNERS

    return RUNNERS


def start_job(
    event: Event,
    kind: str,
    *,
    user: AbstractBaseUser | None = None,
    options: dict[str, object] | None = None,
    retry_of: Job | None = None,
) -> Job:
    """Record a job and hand it to the worker once this transaction commits.

    The job keeps the language active now (the page's or the API request's), in which
    the worker will write its progress and messages.
    """
    from matchfair.web.jobs.tasks import run_job_task

    fail_stale_jobs()
    job = Job.objects.create(
        event=event,
        kind=kind,
        created_by=user,
        options=options or {},
        retry_of=retry_of,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    transaction.on_commit(lambda: run_job_task.enqueue(job.pk))
    return job


def rerun(job: Job, *, user: AbstractBaseUser | None = None) -> Job:
    """A new job with the same kind and options as ``job`` (typically a failed one)."""
    return start_job(job.event, job.kind, user=user, options=job.options, retry_of=job)


def progress_reporter(job: Job) -> ProgressReport:
    """Write progress straight to the job row, outside any result transaction."""

    def report(fraction: float, message: str) -> None:
        Job.objects.filter(pk=job.pk).update(
            progress=min(max(fraction, 0.0), 1.0), message=message[:500]
        )

    return report


def run_job(job_id: int) -> Job:
    """Run a queued job to the end; any exception marks it failed with its message."""
    fail_stale_jobs()
    job = Job.objects.select_related("event").get(pk=job_id)
    if job.status != Job.Status.QUEUED:
        return job
    job.status = Job.Status.RUNNING
    job.started_at = job.heartbeat_at = timezone.now()
    job.save(update_fields=["status", "started_at", "heartbeat_at"])
    try:
        with heartbeat(job), translation.override(job.language), use_language(job.language):
            message = _runners()[job.kind](job, progress_reporter(job))
    except Exception as error:
        explained = isinstance(error, EXPLAINED_ERRORS)
        if explained:
            logger.info("job %s failed: %s", job.pk, error)
        else:
            logger.exception("job %s failed", job.pk)
        job.status = Job.Status.FAILED
        job.error = str(error) if explained else f"{type(error).__name__}: {error}"
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
    else:
        job.status = Job.Status.SUCCEEDED
        job.progress = 1.0
        job.message = message[:500]
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "progress", "message", "finished_at"])
    return job
