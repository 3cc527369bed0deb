"""A job worker killed (SIGKILL) in the middle of a scheduling run.

The run's result is stored in one transaction at its end, so the published schedule
must be exactly as before; the heartbeat going silent marks the run failed; a
restarted worker completes the re-run.

The test holds the event's schedule lock from its own connection while the worker
runs, so the worker cannot store its result before it is killed however fast the
machine solves: the kill lands during the run, not by a race with the clock.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from bench.generate_event import generate

from matchfair.web.exchange.to_database import import_event
from matchfair.web.jobs.domain.queue import rerun, start_job
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.runners import run_job
from matchfair.web.meetings.domain.publishing import publish_schedule
from matchfair.web.meetings.models import Meeting
from tests.web.postgres import database_url, needs_postgresql

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True)]

HEARTBEAT_SECONDS = 0.5
STALE_SECONDS = 3.0
RUN_SECONDS = 8


def worker(home: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        MATCHFAIR_DATABASE_URL=database_url(),
        MATCHFAIR_HOME=str(home),
        MATCHFAIR_JOB_HEARTBEAT_SECONDS=str(HEARTBEAT_SECONDS),
        MATCHFAIR_JOB_STALE_SECONDS=str(STALE_SECONDS),
    )
    command = [sys.executable, "-m", "matchfair.web.manage", "db_worker", "--no-reload"]
    command += ["--no-startup-delay", "--interval", "0.2", "--verbosity", "0", *extra]
    return subprocess.Popen(command, env=env)


def published_schedule(event) -> list[tuple[int, int, int, object]]:
    meetings = Meeting.objects.filter(event=event, published=True).order_by("pk")
    return list(meetings.values_list("pk", "a_id", "b_id", "start"))


@contextlib.contextmanager
def schedule_lock_held(event) -> Iterator[None]:
    """Hold the row lock that storing a schedule waits for, from a second connection."""
    with psycopg.connect(database_url()) as connection:
        table = type(event)._meta.db_table
        connection.execute(f"SELECT id FROM {table} WHERE id = %s FOR UPDATE", (event.pk,))
        yield
        connection.rollback()


def wait_until_solving(job: Job, timeout: float = 60) -> None:
    """Until the worker reports the solver's progress (the run is under way, nothing stored)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        assert job.status in (Job.Status.QUEUED, Job.Status.RUNNING), job.error
        if job.status == Job.Status.RUNNING and job.progress > 0:
            return
        time.sleep(0.1)
    pytest.fail("the worker never started solving")


def test_a_killed_worker_leaves_the_schedule_and_a_failed_run_that_reruns(tmp_path, settings):
    settings.MATCHFAIR_JOB_STALE_SECONDS = STALE_SECONDS
    event = import_event(generate(organizations=60, requests=250, seed=7))
    first = run_job(start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": 2}).pk)
    assert first.status == Job.Status.SUCCEEDED, first.error
    publish_schedule(event=event)
    before = published_schedule(event)
    assert before

    job = start_job(event=event, kind=Job.Kind.SCHEDULE, options={"time_limit": RUN_SECONDS})
    with schedule_lock_held(event):
        process = worker(tmp_path)
        try:
            wait_until_solving(job)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING
    assert published_schedule(event) == before

    time.sleep(STALE_SECONDS + HEARTBEAT_SECONDS)
    retry = rerun(job=job)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "worker stopped" in job.error

    restarted = worker(tmp_path, "--batch")
    assert restarted.wait(timeout=RUN_SECONDS + 90) == 0
    retry.refresh_from_db()
    assert retry.status == Job.Status.SUCCEEDED, retry.error
    assert published_schedule(event) == before
