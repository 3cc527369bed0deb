"""Queueing: a job remembers who started it, in which language, and a re-run copies it."""

import pytest
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from matchfair.web.jobs.domain.queue import rerun, start_job
from matchfair.web.jobs.models import Job
from tests.web.factories import make_event, make_user

pytestmark = pytest.mark.django_db


def test_a_job_keeps_the_language_and_person_that_started_it():
    organizer = make_user("organizer")
    with translation.override("zh-hans"):
        job = start_job(event=make_event(), kind=Job.Kind.RECOMMEND, user=organizer)

    stored = Job.objects.get(pk=job.pk)
    assert (stored.status, stored.language, stored.created_by) == (
        Job.Status.QUEUED,
        "zh-hans",
        organizer,
    )


def test_nothing_is_handed_to_the_worker_before_the_transaction_commits():
    start_job(event=make_event(), kind=Job.Kind.SCHEDULE)
    # The test runs inside a transaction that never commits: the worker must not see it.
    assert DBTaskResult.objects.count() == 0


def test_a_rerun_is_a_new_job_of_the_same_kind_and_options_pointing_at_the_old_one():
    failed = start_job(event=make_event(), kind=Job.Kind.SCHEDULE, options={"time_limit": 3})
    Job.objects.filter(pk=failed.pk).update(status=Job.Status.FAILED)

    retry = rerun(job=failed)

    assert retry.pk != failed.pk
    assert (retry.kind, retry.options, retry.retry_of, retry.event) == (
        Job.Kind.SCHEDULE,
        {"time_limit": 3},
        failed,
        failed.event,
    )
