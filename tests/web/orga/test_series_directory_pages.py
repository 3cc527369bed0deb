"""The organizer's series directory page: who may open it, what it shows, the invitation it starts."""

import pytest
from django.urls import reverse

from matchfair.matching import EmbeddingCache, default_cache_dir
from matchfair.web.directory.models import Organization, Participation
from matchfair.web.directory.series_directory import build_index
from matchfair.web.jobs.models import Job
from tests.web.factories import SeriesEditions, organizer, own_event, series_editions

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions(settings) -> SeriesEditions:
    settings.MATCHFAIR_ENCODER = "fake"
    return series_editions(organizer())


def page(editions: SeriesEditions) -> str:
    return reverse("orga:series_directory", args=[editions.later.pk])


def owner_of(editions: SeriesEditions):
    return editions.later.organizers.get()


def test_the_organizers_navigation_links_to_the_series_directory(client_for, editions):
    response = client_for(owner_of(editions)).get(reverse("orga:event", args=[editions.later.pk]))
    assert f'href="{page(editions)}"' in response.content.decode()


def test_before_the_index_the_page_offers_to_build_it_and_lists_earlier_organizations(
    client_for, editions
):
    client = client_for(owner_of(editions))
    html = client.get(page(editions)).content.decode()
    assert "No index yet" in html
    assert "Sjökyla AB" in html
    assert "Vetytekniikka Oy" not in html  # already in this edition, and no query asked for it
    started = client.post(
        reverse("orga:start_job", args=[editions.later.pk]), {"kind": Job.Kind.SERIES_DIRECTORY}
    )
    assert started.status_code == 302
    assert Job.objects.get(event=editions.later).kind == Job.Kind.SERIES_DIRECTORY


def test_a_search_shows_editions_returning_first_and_an_invitation_for_the_others(
    client_for, editions
):
    build_index(
        series=editions.later.series, spec="fake", cache=EmbeddingCache(default_cache_dir())
    )
    html = (
        client_for(owner_of(editions))
        .get(page(editions), {"q": "hydrogen industrial furnaces"})
        .content.decode()
    )
    assert html.index("Vetytekniikka Oy") < html.index("Chengdu Hydrogen Park")
    assert "Chengdu-Nordic Dialogue 2026, Chengdu-Nordic Dialogue 2025" in html
    assert "exact search" in html
    invite = reverse("orga:invite", args=[editions.later.pk])
    assert f"{invite}?returning={editions.gearbox.pk}" in html
    assert f"{invite}?returning={editions.returning.pk}" not in html  # in this event already


@pytest.mark.parametrize(
    ("language", "heading", "returning"),
    [("zh-hans", "系列名录", "回头参展"), ("de", "Verzeichnis der Reihe", "wiederkehrend")],
)
def test_the_page_speaks_the_organizers_language(
    client_for, editions, language, heading, returning
):
    build_index(
        series=editions.later.series, spec="fake", cache=EmbeddingCache(default_cache_dir())
    )
    html = (
        client_for(owner_of(editions))
        .get(page(editions), {"q": "hydrogen"}, HTTP_ACCEPT_LANGUAGE=language)
        .content.decode()
    )
    assert heading in html
    assert returning in html


def test_a_bad_country_is_refused_on_its_field(client_for, editions):
    response = client_for(owner_of(editions)).get(page(editions), {"country": "XX"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_invitation_is_filled_in_for_an_organization_of_the_series(client_for, editions):
    client = client_for(owner_of(editions))
    invite = reverse("orga:invite", args=[editions.later.pk])
    html = client.get(invite, {"returning": editions.gearbox.pk}).content.decode()
    assert 'value="Sichuan Gearbox"' in html
    outsider = Organization.objects.create(name="Elsewhere Ltd", country="GB")
    Participation.objects.create(
        event=own_event(organizer("stranger")), organization=outsider, code="elsewhere"
    )
    assert client.get(invite, {"returning": outsider.pk}).status_code == 404
    assert client.get(invite, {"returning": 10**9}).status_code == 404


def test_an_organizer_of_another_series_cannot_open_it(client_for, editions):
    other = organizer("other")
    own_event(other, "Other fair")
    assert client_for(other).get(page(editions)).status_code == 403


def test_an_event_without_series_says_where_to_name_one(client_for):
    owner = organizer()
    alone = own_event(owner)
    html = client_for(owner).get(reverse("orga:series_directory", args=[alone.pk])).content.decode()
    assert "belongs to no series" in html
