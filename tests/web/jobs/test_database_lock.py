"""A write lock held longer than SQLite's timeout no longer ends the job worker.

django-tasks-db's worker ended with "database is locked" when another writer (an
import, a run storing its result, a second program) held the database longer than
the timeout; runs then stayed queued for ever. The worker here waits and goes on.
The timeout is set to 0.2 s so that a lock of a few tenths already outlasts it.
"""

import subprocess
import sys

import pytest
from django.db.utils import OperationalError

from matchfair.web.jobs import worker
from matchfair.web.jobs.domain import states
from matchfair.web.jobs.domain.queue import start_job
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.tasks import run_job_task
from tests.web.factories import make_event
from tests.web.jobs.processes import (
    ROOT,
    environment,
    job_status,
    queue_job,
    stop,
    wait_for,
    write_lock,
)


def test_the_worker_outlasts_a_lock_longer_than_the_timeout_then_runs_the_job(home, tmp_path):
    job_id = queue_job(home)
    log = tmp_path / "worker.log"
    command = [sys.executable, "-m", "matchfair.web.manage", "job_worker", "--interval", "0.1"]
    env = environment(home, MATCHFAIR_SQLITE_TIMEOUT="0.2")
    worker = None
    with log.open("wb") as output:
        try:
            with write_lock(home):
                worker = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=output)
                wait_for(
                    lambda: log.read_text().count("database is locked") >= 2,
                    "the worker to meet the lock twice",
                )
                assert worker.poll() is None, log.read_text()
                assert job_status(home, job_id) == "queued"

            wait_for(lambda: job_status(home, job_id) == "succeeded", "the worker to run the job")
            assert worker.poll() is None, log.read_text()
        finally:
            if worker is not None:
                stop(worker)


@pytest.mark.django_db(transaction=True)
def test_a_job_that_meets_a_lock_before_it_starts_runs_once_the_lock_is_gone(monkeypatch):
    """Before, the task failed and its job stayed "queued" for ever."""
    job = start_job(event=make_event(), kind=Job.Kind.SCHEDULE, options={"time_limit": 2})
    first_look = states.fail_stale_jobs
    locked_looks = iter([True])

    def fail_stale_jobs_under_a_lock() -> int:
        if next(locked_looks, False):
            raise OperationalError("database is locked")
        return first_look()

    monkeypatch.setattr(states, "fail_stale_jobs", fail_stale_jobs_under_a_lock)
    monkeypatch.setattr(worker, "FIRST_DELAY", 0.01)

    run_job_task.call(job.pk)

    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
