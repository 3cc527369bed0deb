"""An edit of an event's texts queues one recommendation refresh, once recommendations exist,
and one update of the series directory's index, once it was built."""

import pytest
from django.urls import reverse
from django.utils import timezone

from matchfair.web.directory.forms import ParticipationForm
from matchfair.web.directory.models import Organization, Participation
from matchfair.web.directory.series_directory import search_directory
from matchfair.web.events.models import Event
from matchfair.web.jobs.domain.queue import start_job
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.runners import run_job
from tests.web.factories import World, organizer, series_editions

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


def _directory_jobs(series_id: int, status: str) -> int:
    return Job.objects.filter(
        event__series=series_id, kind=Job.Kind.SERIES_DIRECTORY, status=status
    ).count()


def test_an_edit_queues_no_directory_update_before_the_index_was_built(client_for):
    owner = organizer()
    editions = series_editions(owner)
    _edit_description(client_for(owner), editions.later, editions.hydrogen_park, "Biochar.")
    assert not Job.objects.filter(kind=Job.Kind.SERIES_DIRECTORY).exists()


def test_an_edit_in_any_edition_queues_one_directory_update_that_reembeds_only_it(
    client_for, settings
):
    settings.MATCHFAIR_ENCODER = "fake"
    owner = organizer()
    editions = series_editions(owner)
    built = run_job(start_job(event=editions.earlier, kind=Job.Kind.SERIES_DIRECTORY).pk)
    assert built.status == Job.Status.SUCCEEDED, built.error
    client = client_for(owner)

    _edit_description(client, editions.later, editions.hydrogen_park, "Sludge pyrolysis biochar.")
    _edit_description(client, editions.later, editions.hydrogen_park, "Sludge pyrolysis char.")

    assert _directory_jobs(editions.later.series_id, Job.Status.QUEUED) == 1
    queued = Job.objects.get(kind=Job.Kind.SERIES_DIRECTORY, status=Job.Status.QUEUED)
    assert queued.event == editions.later
    done = run_job(queued.pk)
    assert done.message.endswith("(1 embedded, 0 removed).")
    found = search_directory(event=editions.earlier, query="sludge pyrolysis char")
    # Returning organizations are listed first; the nearest is the edited one.
    nearest = max(found, key=lambda entry: entry.score or 0.0)
    assert nearest.organization == editions.hydrogen_park


def test_a_directory_update_keeps_the_encoder_of_the_last_build(client_for):
    owner = organizer()
    editions = series_editions(owner)
    Job.objects.create(
        event=editions.earlier,
        kind=Job.Kind.SERIES_DIRECTORY,
        status=Job.Status.SUCCEEDED,
        options={"encoder": "fake"},
        finished_at=timezone.now(),
    )
    _edit_description(client_for(owner), editions.earlier, editions.gearbox, "Gearboxes.")
    queued = Job.objects.get(kind=Job.Kind.SERIES_DIRECTORY, status=Job.Status.QUEUED)
    assert queued.options == {"encoder": "fake"}


def _edit_description(client, event: Event, organization: Organization, text: str) -> None:
    participation = Participation.objects.get(event=event, organization=organization)
    edit = reverse("orga:edit_organization", args=[event.pk, participation.pk])
    data = ParticipationForm.initial_of(participation)
    assert client.post(edit, {**data, "description": text}).status_code == 302
