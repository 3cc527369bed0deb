"""GET /api/events/{id}/series-directory: the series' organizations, for the event's organizers only."""

import pytest

from matchfair.matching import EmbeddingCache, default_cache_dir
from matchfair.web.access.models import EventViewer
from matchfair.web.directory.series_directory import build_index
from tests.web.factories import SeriesEditions, organizer, own_event, person, series_editions

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions(settings) -> SeriesEditions:
    settings.MATCHFAIR_ENCODER = "fake"
    found = series_editions(organizer())
    build_index(series=found.later.series, spec="fake", cache=EmbeddingCache(default_cache_dir()))
    return found


def url(editions: SeriesEditions) -> str:
    return f"/api/events/{editions.later.pk}/series-directory"


def test_an_organizer_searches_every_edition_returning_first(client_for, editions):
    response = client_for(editions.later.organizers.get()).get(
        url(editions), {"q": "hydrogen industrial furnaces"}
    )
    assert response.status_code == 200, response.content
    found = response.json()
    assert [entry["name"] for entry in found[:2]] == ["Vetytekniikka Oy", "Chengdu Hydrogen Park"]
    assert found[0]["returning"] is True
    assert found[0]["in_event"] is True
    assert [edition["name"] for edition in found[0]["editions"]] == [
        "Chengdu-Nordic Dialogue 2026",
        "Chengdu-Nordic Dialogue 2025",
    ]
    assert found[0]["id"] == editions.returning.pk
    assert isinstance(found[0]["score"], float)


def test_without_a_query_it_recommends_organizations_of_other_editions(client_for, editions):
    found = client_for(editions.later.organizers.get()).get(url(editions)).json()
    assert {entry["name"] for entry in found} == {"Sjökyla AB", "Sichuan Gearbox"}


def test_an_organizer_of_another_series_sees_nothing(client_for, editions):
    other = organizer("other")
    own_event(other, "Other fair")
    response = client_for(other).get(url(editions), {"q": "hydrogen"})
    assert response.status_code == 404
    assert "Vetytekniikka" not in response.content.decode()


def test_a_viewer_of_the_event_is_refused(client_for, editions):
    viewer = person("viewer")
    EventViewer.objects.create(event=editions.later, user=viewer)
    assert client_for(viewer).get(url(editions)).status_code == 403


def test_an_event_without_series_answers_409_saying_why(client_for):
    owner = organizer()
    response = client_for(owner).get(f"/api/events/{own_event(owner).pk}/series-directory")
    assert response.status_code == 409
    assert "belongs to no series" in response.json()["errors"][0]["message"]


def test_a_bad_country_is_422_naming_the_field(client_for, editions):
    response = client_for(editions.later.organizers.get()).get(url(editions), {"country": "DEU"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.country"


def test_an_organizer_rebuilds_the_index_through_the_runs_endpoint(client_for, editions):
    client = client_for(editions.later.organizers.get())
    started = client.post(
        f"/api/events/{editions.later.pk}/runs",
        {"kind": "series_directory"},
        content_type="application/json",
    )
    assert started.status_code == 202, started.content
    listed = client.get(f"/api/events/{editions.later.pk}/runs", {"kind": "series_directory"})
    assert [run["id"] for run in listed.json()["items"]] == [started.json()["id"]]
