"""Campaigns through the API: preview, send and list with the page's rules and refusals."""

import json

import pytest

from matchfair.web.notify.models import Campaign
from matchfair.web.outbox.models import Mail
from tests.web import factories
from tests.web.notify.campaign_world import build_campaign_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(owner):
    return build_campaign_world(owner)


BODY = {
    "texts": [
        {"language": "fr", "subject": "Vos besoins", "body": "Publiez vos besoins."},
        {"language": "en", "subject": "Your needs", "body": "Publish your needs."},
    ],
    "segment": {"countries": ["cn"], "registration": "not_registered"},
}


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_preview_counts_then_send_queues_and_lists(world, client_for):
    client = client_for(world.owner)
    base = f"/api/events/{world.event.pk}/campaigns"
    preview = _post(client, f"{base}/preview", BODY)
    assert preview.status_code == 200
    assert preview.json()["recipients"] == 1
    assert [(lang["language"], lang["readers"]) for lang in preview.json()["languages"]] == [
        ("fr", 1),
        ("en", 0),
    ]
    assert not Mail.objects.exists()
    sent = _post(client, base, BODY)
    assert sent.status_code == 201
    assert sent.json()["recipients"] == 1
    assert list(Mail.objects.values_list("address", "language")) == [("wang@example.org", "fr")]
    listed = client.get(base).json()
    assert [item["id"] for item in listed] == [Campaign.objects.get().pk]


def test_an_injected_subject_is_a_422_naming_its_field(world, client_for):
    body = {**BODY, "texts": [{"language": "en", "subject": "Hi\nBcc: x@example.org", "body": "x"}]}
    answer = _post(client_for(world.owner), f"/api/events/{world.event.pk}/campaigns", body)
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "subject_en"
    assert not Mail.objects.exists()


def test_a_participant_may_not_send_one(world, client_for):
    user = world.german.organization.delegates.get().user
    answer = _post(client_for(user), f"/api/events/{world.event.pk}/campaigns", BODY)
    assert answer.status_code == 403
    assert not Mail.objects.exists()


def test_an_unknown_registration_state_is_a_422_naming_it(world, client_for):
    body = {**BODY, "segment": {"registration": "maybe"}}
    answer = _post(client_for(world.owner), f"/api/events/{world.event.pk}/campaigns/preview", body)
    assert answer.status_code == 422
    assert "registration" in answer.json()["errors"][0]["field"]


def test_contacts_without_a_password_are_counted_then_invited_again(world, client_for):
    client = client_for(world.owner)
    base = f"/api/events/{world.event.pk}/campaigns/invitations"
    assert client.get(base).json() == {"contacts": 1, "earlier_edition": 0}
    answer = client.post(f"{base}/contacts")
    assert answer.status_code == 201
    assert (answer.json()["kind"], answer.json()["recipients"]) == ("invitations", 1)
    assert list(Mail.objects.values_list("address", "kind")) == [("wang@example.org", "invitation")]
    assert Campaign.objects.get().kind == Campaign.Kind.INVITATIONS


def test_an_earlier_editions_people_are_invited_to_register(owner, client_for):
    editions = factories.series_editions(owner)
    factories.delegate(
        editions.earlier.participations.get(organization=editions.lake_cooling), "lake"
    )
    client = client_for(owner)
    base = f"/api/events/{editions.later.pk}/campaigns/invitations"
    assert client.get(base).json()["earlier_edition"] == 1
    answer = client.post(f"{base}/earlier-edition")
    assert answer.status_code == 201
    assert (answer.json()["kind"], answer.json()["recipients"]) == ("previous", 1)
    assert list(Mail.objects.values_list("address", flat=True)) == ["lake@example.org"]


def test_an_event_of_no_series_has_no_earlier_edition_to_invite(world, client_for):
    answer = client_for(world.owner).post(
        f"/api/events/{world.event.pk}/campaigns/invitations/earlier-edition"
    )
    assert answer.status_code == 409
    assert answer.json()["errors"][0]["field"] == "series"
    assert not Mail.objects.exists()


@pytest.mark.parametrize("to", ["contacts", "earlier-edition"])
def test_a_participant_may_not_invite_in_bulk(world, client_for, to):
    user = world.german.organization.delegates.get().user
    client = client_for(user)
    base = f"/api/events/{world.event.pk}/campaigns/invitations"
    assert client.get(base).status_code == 403
    assert client.post(f"{base}/{to}").status_code == 403
    assert not Mail.objects.exists()


def test_another_organizers_event_is_not_found(world, client_for):
    stranger = factories.organizer("stranger-organizer")
    answer = client_for(stranger).post(
        f"/api/events/{world.event.pk}/campaigns/invitations/contacts"
    )
    assert answer.status_code == 404
    assert not Mail.objects.exists()
