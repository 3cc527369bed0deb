"""The organizer's view of one participant's recommendations, reasons in the reader's language."""

import pytest
from django.urls import reverse
from django.utils import timezone

from matchfair.matching.explain import sectors_reason
from matchfair.web.jobs.models import Job
from matchfair.web.meetings.models import Recommendation
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def _path(world: World) -> str:
    return reverse("orga:participant_recommendations", args=[world.event.pk, world.tegnology.pk])


def _recommended(world: World) -> None:
    Job.objects.create(
        event=world.event,
        kind=Job.Kind.RECOMMEND,
        status=Job.Status.SUCCEEDED,
        finished_at=timezone.now(),
    )
    Recommendation.objects.create(
        event=world.event,
        participation=world.tegnology,
        partner=world.tsinghua,
        score=0.8,
        reasons=[sectors_reason(["energy"]).as_json()],
        rank=0,
    )
    Recommendation.objects.create(
        event=world.event,
        participation=world.tsinghua,
        partner=world.smart_eye,
        score=0.5,
        reasons=[sectors_reason(["optics"]).as_json()],
        rank=0,
    )


def test_without_a_run_the_page_says_so_and_offers_to_start_one(client_for, world: World):
    html = client_for(world.organizer).get(_path(world)).content.decode()
    assert "No recommendation run has been made for this event yet" in html
    assert f'action="{reverse("orga:start_job", args=[world.event.pk])}"' in html
    assert 'value="recommend"' in html


def test_the_latest_runs_suggestions_for_this_participant_only(client_for, world: World):
    _recommended(world)
    html = client_for(world.organizer).get(_path(world)).content.decode()
    assert world.tsinghua.organization.name in html
    assert "shared sectors: energy" in html
    assert "optics" not in html
    partner = reverse("orga:edit_organization", args=[world.event.pk, world.tsinghua.pk])
    assert f'href="{partner}"' in html


@pytest.mark.parametrize(
    ("reader", "reason", "heading"),
    [
        ("de", "gemeinsame Branchen: energy", "Empfehlungen für TEGnology"),
        ("zh-hans", "共同行业：energy", "TEGnology 的推荐"),
    ],
)
def test_reasons_read_in_the_organizers_language(
    client_for, world: World, reader: str, reason: str, heading: str
):
    _recommended(world)
    response = client_for(world.organizer).get(_path(world), HTTP_ACCEPT_LANGUAGE=reader)
    html = response.content.decode()
    assert reason in html
    assert f"<h1>{heading}</h1>" in html


def test_a_run_that_suggested_nobody_for_this_participant_says_so(client_for, world: World):
    _recommended(world)
    html = (
        client_for(world.organizer)
        .get(reverse("orga:participant_recommendations", args=[world.event.pk, world.smart_eye.pk]))
        .content.decode()
    )
    assert "The latest run suggested no partner for this organization" in html


def test_the_organizations_page_leads_there(client_for, world: World):
    client = client_for(world.organizer)
    edit = reverse("orga:edit_organization", args=[world.event.pk, world.tegnology.pk])
    assert _path(world) in client.get(edit).content.decode()
    listing = reverse("orga:organizations", args=[world.event.pk])
    assert _path(world) in client.get(listing).content.decode()


def test_another_events_participation_is_not_found(client_for, world: World):
    path = reverse(
        "orga:participant_recommendations", args=[world.other_event.pk, world.tegnology.pk]
    )
    assert client_for(world.other_organizer).get(path).status_code == 404


def test_participants_may_not_open_it(client_for, world: World):
    assert client_for(world.teg_user).get(_path(world)).status_code == 403
