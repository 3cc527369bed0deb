"""The organizer's Campaigns page: reached from the dashboard, previewed, then sent; refusals on their field."""

import pytest
from django.urls import reverse

from matchfair.web.notify.models import Campaign
from matchfair.web.outbox.models import Mail
from tests.web import factories
from tests.web.notify.campaign_world import build_campaign_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(owner):
    return build_campaign_world(owner)


def _form(**extra):
    return {
        "languages": ["en", "zh-hans"],
        "subject_en": "Publish your needs",
        "body_en": "Please publish your cooperation needs.",
        "subject_zh-hans": "发布您的需求",
        "body_zh-hans": "请发布您的合作需求。",
        "no_opportunity": "on",
        **extra,
    }


def test_the_dashboard_links_the_campaigns_page(world, client_for):
    client = client_for(world.owner)
    url = reverse("orga:campaigns", args=[world.event.pk])
    assert url in client.get(reverse("orga:event", args=[world.event.pk])).content.decode()
    assert url in client.get(reverse("orga:mail_delivery", args=[world.event.pk])).content.decode()


def test_the_preview_shows_the_count_and_each_language_and_sends_nothing(world, client_for):
    client = client_for(world.owner)
    page = client.post(
        reverse("orga:campaigns", args=[world.event.pk]), _form(preview="")
    ).content.decode()
    assert "3 recipients" in page
    assert "请发布您的合作需求。" in page
    assert 'name="send"' in page
    assert not Mail.objects.exists()


def test_sending_queues_the_campaign_and_lists_it(world, client_for):
    client = client_for(world.owner)
    url = reverse("orga:campaigns", args=[world.event.pk])
    response = client.post(url, _form(send=""), follow=True)
    page = response.content.decode()
    assert "The campaign is queued for 3 people." in page
    assert Mail.objects.filter(kind=Mail.Kind.CAMPAIGN).count() == 3
    assert "Publish your needs" in page
    assert Campaign.objects.get().recipients == 3


def test_an_injected_subject_is_shown_on_its_field(world, client_for):
    client = client_for(world.owner)
    response = client.post(
        reverse("orga:campaigns", args=[world.event.pk]),
        _form(send="", **{"subject_zh-hans": "需求\nBcc: all@example.org"}),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "subject_zh-hans" in form.errors
    assert not Mail.objects.exists()


def test_the_invitations_button_invites_contacts_without_a_password(world, client_for):
    client = client_for(world.owner)
    response = client.post(
        reverse("orga:campaign_invitations", args=[world.event.pk]), {"to": "contacts"}, follow=True
    )
    assert "1 invitation is queued." in response.content.decode()
    assert list(Mail.objects.values_list("address", flat=True)) == ["wang@example.org"]


def test_earlier_edition_on_an_event_of_no_series_says_why(world, client_for):
    client = client_for(world.owner)
    response = client.post(
        reverse("orga:campaign_invitations", args=[world.event.pk]), {"to": "earlier"}, follow=True
    )
    assert "This event belongs to no series" in response.content.decode()


@pytest.mark.parametrize("who", ["delegate", "stranger"])
def test_only_the_organizers_open_it(world, client_for, who):
    user = (
        world.german.organization.delegates.get().user
        if who == "delegate"
        else factories.person("x")
    )
    response = client_for(user).get(reverse("orga:campaigns", args=[world.event.pk]))
    assert response.status_code in (403, 404)
    response = client_for(user).post(
        reverse("orga:campaign_invitations", args=[world.event.pk]), {"to": "contacts"}
    )
    assert response.status_code in (403, 404)
    assert not Mail.objects.exists()
