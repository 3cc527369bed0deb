"""A job's state transitions: claimed once, progress clamped and worded, failures explained."""

import pytest

from matchfair.core import FormatError, FormatIssue, Progress
from matchfair.web import stored_text
from matchfair.web.jobs.domain.states import claim, fail, progress_writer, succeed
from matchfair.web.jobs.models import Job
from tests.web.factories import make_event

pytestmark = pytest.mark.django_db


def queued_job() -> Job:
    return Job.objects.create(event=make_event(), kind=Job.Kind.SCHEDULE)


def test_a_queued_job_is_claimed_once_and_a_second_claim_changes_nothing():
    job = queued_job()

    assert claim(job=job) is True
    running = Job.objects.get(pk=job.pk)
    assert running.status == Job.Status.RUNNING
    assert running.started_at == running.heartbeat_at == job.started_at

    again = Job.objects.get(pk=job.pk)
    assert claim(job=again) is False
    assert Job.objects.get(pk=job.pk).started_at == running.started_at


def test_progress_is_kept_between_0_and_1_and_worded_by_its_message_or_else_its_phase():
    job = queued_job()
    write = progress_writer(job=job)

    write(Progress(phase="greedy", fraction=1.7, message="first schedule: 3 meetings placed"))
    assert Job.objects.values_list("progress", "message").get(pk=job.pk) == (
        1.0,
        "first schedule: 3 meetings placed",
    )

    write(Progress(phase="fake-64", fraction=-0.2))
    assert Job.objects.values_list("progress", "message").get(pk=job.pk) == (0.0, "fake-64")


def test_a_succeeded_job_is_complete_with_its_words():
    job = queued_job()
    claim(job=job)
    result = stored_text.ngettext(
        "%(count)d draft meeting added", "%(count)d draft meetings added", 3
    )

    succeed(job=job, result=result)

    done = Job.objects.get(pk=job.pk)
    assert (done.status, done.progress, done.message, done.result) == (
        Job.Status.SUCCEEDED,
        1.0,
        "3 draft meetings added",
        result,
    )
    assert done.finished_at is not None
    assert stored_text.render_in("de", done.stored_message) == "3 Entwurfstreffen hinzugefügt"


def test_an_explained_failure_shows_its_message_and_any_other_its_class_too():
    explained, unexplained = queued_job(), queued_job()

    fail(job=explained, error=FormatError("event", [FormatIssue("organizations[0]", "is wrong")]))
    fail(job=unexplained, error=KeyError("kind"))

    assert Job.objects.get(pk=explained.pk).status == Job.Status.FAILED
    assert Job.objects.get(pk=explained.pk).error == "event: organizations[0]: is wrong"
    assert Job.objects.get(pk=unexplained.pk).error == "KeyError: 'kind'"
