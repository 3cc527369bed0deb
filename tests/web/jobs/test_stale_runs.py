"""Runs whose worker went silent are failed when the next job starts or runs, fresh ones not."""

from datetime import timedelta

import pytest
from django.utils import timezone

from matchfair.web.jobs.domain.states import fail_stale_jobs
from matchfair.web.jobs.models import Job
from tests.web.factories import build_world, make_event

pytestmark = pytest.mark.django_db


def running(event, heartbeat_age: float | None, started_age: float = 3600) -> Job:
    now = timezone.now()
    return Job.objects.create(
        event=event,
        kind=Job.Kind.SCHEDULE,
        status=Job.Status.RUNNING,
        started_at=now - timedelta(seconds=started_age),
        heartbeat_at=None if heartbeat_age is None else now - timedelta(seconds=heartbeat_age),
    )


def test_only_silent_running_jobs_are_failed(settings):
    settings.MATCHFAIR_JOB_STALE_SECONDS = 60
    event = make_event()
    silent = running(event, heartbeat_age=61)
    alive = running(event, heartbeat_age=5)
    never_beat = running(event, heartbeat_age=None)
    just_started = running(event, heartbeat_age=None, started_age=1)

    assert fail_stale_jobs() == 2

    states = {
        job.pk: Job.objects.get(pk=job.pk).status
        for job in (silent, alive, never_beat, just_started)
    }
    assert states == {
        silent.pk: Job.Status.FAILED,
        alive.pk: Job.Status.RUNNING,
        never_beat.pk: Job.Status.FAILED,
        just_started.pk: Job.Status.RUNNING,
    }
    assert "worker stopped" in Job.objects.get(pk=silent.pk).error


def test_the_api_shows_a_dead_workers_run_as_failed(settings, client):
    settings.MATCHFAIR_JOB_STALE_SECONDS = 60
    world = build_world()
    dead = running(world.event, heartbeat_age=120)
    client.force_login(world.organizer)
    shown = client.get(f"/api/events/{world.event.pk}/runs/{dead.pk}").json()
    assert shown["status"] == "failed"
    assert shown["finished_at"] is not None
