"""Queueing a job and re-running one: what the organizer's pages and the API call.

A job is queued only after the transaction that created it commits (the worker
must find the row). This module sits on top of ``jobs``: it hands the task to the
worker, so it imports ``tasks``, and nothing in ``jobs`` imports it.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import translation

from matchfair.web.events.models import Event
from matchfair.web.jobs.domain.states import fail_stale_jobs
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.tasks import run_job_task


def start_job(
    *,
    event: Event,
    kind: str,
    user: AbstractBaseUser | None = None,
    options: dict[str, object] | None = None,
    retry_of: Job | None = None,
) -> Job:
    """Record a job and hand it to the worker once this transaction commits.

    The job keeps the language active now (the page's or the API request's), in which
    the worker will write its progress and messages.
    """
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


def rerun(*, job: Job, user: AbstractBaseUser | None = None) -> Job:
    """A new job with the same kind and options as ``job`` (typically a failed one)."""
    return start_job(event=job.event, kind=job.kind, user=user, options=job.options, retry_of=job)
