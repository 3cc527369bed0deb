"""An edit of an event's texts queues one recommendation refresh, once recommendations exist."""

import pytest
from django.urls import reverse
from django.utils import timezone

from matchfair.web.directory.forms import ParticipationForm
from matchfair.web.events.models import Event
from matchfair.web.jobs.models import Job
from tests.web.factories import World

pytestmark = pytest.mark.django_db

PROFILE = {
    "description": "Lithium storage for photovoltaic plants, looking for Chinese partners.",
    "sectors": "energy",
    "languages": "de, en",
    "attendance": "onsite",
}


def _recommended(event: Event) -> None:
    Job.objects.create(
        event=event,
        kind=Job.Kind.RECOMMEND,
        status=Job.Status.SUCCEEDED,
        finished_at=timezone.now(),
    )


def _waiting(event: Event) -> int:
    return Job.objects.filter(
        event=event, kind=Job.Kind.RECOMMEND, status=Job.Status.QUEUED
    ).count()


def test_without_recommendations_an_edit_queues_no_run(german_client, german):
    response = german_client.post(reverse("portal:profile", args=[german.pk]), PROFILE)
    assert response.status_code == 302
    assert not Job.objects.filter(event=german.event).exists()


def test_a_profile_edit_queues_one_refresh_and_a_second_edit_joins_it(
    german_client, german, django_capture_on_commit_callbacks
):
    _recommended(german.event)
    page = reverse("portal:profile", args=[german.pk])
    with django_capture_on_commit_callbacks() as queued:
        assert german_client.post(page, PROFILE).status_code == 302
    assert _waiting(german.event) == 1
    assert len(queued) == 1  # handed to the worker once the edit commits
    german_client.post(page, {**PROFILE, "description": "Batteries."})
    assert _waiting(german.event) == 1


def test_an_edit_during_a_running_refresh_queues_the_next(german_client, german):
    _recommended(german.event)
    Job.objects.create(event=german.event, kind=Job.Kind.RECOMMEND, status=Job.Status.RUNNING)
    german_client.post(reverse("portal:profile", args=[german.pk]), PROFILE)
    assert _waiting(german.event) == 1


def test_opportunity_writes_and_organizer_edits_queue_a_refresh(client_for, world: World):
    _recommended(world.event)
    url = f"/api/events/{world.event.pk}/opportunities"
    made = client_for(world.smart_eye_user).post(
        url, {"kind": "offer", "title": "Lidar"}, content_type="application/json"
    )
    assert made.status_code == 201
    assert _waiting(world.event) == 1
    refresh = Job.objects.get(event=world.event, status=Job.Status.QUEUED)
    assert refresh.created_by == world.smart_eye_user
    refresh.status = Job.Status.SUCCEEDED
    refresh.save(update_fields=["status"])
    edit = reverse("orga:edit_organization", args=[world.event.pk, world.smart_eye.pk])
    client_for(world.organizer).get(edit)
    assert _waiting(world.event) == 0  # reading the page changes nothing
    data = ParticipationForm.initial_of(world.smart_eye)
    saved = client_for(world.organizer).post(edit, {**data, "description": "Lidar, radar."})
    assert saved.status_code == 302
    assert _waiting(world.event) == 1
    Job.objects.filter(event=world.event, status=Job.Status.QUEUED).delete()
    removed = client_for(world.smart_eye_user).delete(f"{url}/{made.json()['id']}")
    assert removed.status_code == 204
    assert _waiting(world.event) == 1
