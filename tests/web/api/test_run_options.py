"""The API's run endpoint takes the scheduler's fairness target, as the run form does:
a non-negative integer, for scheduler runs only, refused with a 422 naming the field."""

import pytest

from matchfair.web.jobs.models import Job
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def start(client, world: World, body: dict):
    return client.post(f"/api/events/{world.event.pk}/runs", body, content_type="application/json")


def test_a_scheduler_run_keeps_its_target(client_for, world: World):
    response = start(client_for(world.organizer), world, {"kind": "schedule", "min_meetings": 2})
    assert response.status_code == 202, response.content
    assert Job.objects.get(pk=response.json()["id"]).options == {"min_meetings": 2}


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "schedule", "min_meetings": -1},
        {"kind": "schedule", "min_meetings": "many"},
        {"kind": "schedule", "min_meetings": 1.5},
        {"kind": "recommend", "min_meetings": 2},
    ],
)
def test_a_bad_target_is_a_422_naming_the_field(client_for, world: World, body):
    response = start(client_for(world.organizer), world, body)
    assert response.status_code == 422, response.content
    assert {error["field"] for error in response.json()["errors"]} == {"min_meetings"}
    assert not Job.objects.filter(event=world.event).exists()


def test_a_participant_cannot_start_a_run(client_for, world: World):
    response = start(client_for(world.smart_eye_user), world, {"kind": "schedule"})
    assert response.status_code == 403
