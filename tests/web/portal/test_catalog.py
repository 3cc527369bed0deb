"""The catalog: filters, search across languages through the matching engine, recommendations."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matchfair.web.meetings.models import Recommendation
from tests.web import factories


def _names(response) -> list[str]:
    return [entry.participation.organization.name for entry in response.context["entries"]]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["Sonnenwerk GmbH", "Vignoble Exportateur"]),
        ({"country": "FR"}, ["Vignoble Exportateur"]),
        ({"attendance": "onsite"}, ["Sonnenwerk GmbH"]),
        ({"direction": "request"}, ["Vignoble Exportateur"]),
        ({"type": "technology"}, ["Sonnenwerk GmbH"]),
        ({"sector": "food"}, ["Vignoble Exportateur"]),
        ({"kind": "university"}, []),
    ],
)
def test_filters(german_client, german, french, filters, expected):
    response = german_client.get(reverse("portal:catalog", args=[german.pk]), filters)
    assert _names(response) == expected


def test_a_chinese_query_finds_the_german_battery_maker_first(french_client, german, french):
    response = french_client.get(reverse("portal:catalog", args=[french.pk]), {"q": "储能电池"})
    assert _names(response) == ["Sonnenwerk GmbH"]
    assert response.context["entries"][0].matched in {
        "Batteriespeicher für Photovoltaik",
        "Sonnenwerk GmbH",
    }


def test_own_recommendations_with_their_reasons(german_client, german, french):
    Recommendation.objects.create(
        event=german.event,
        participation=german,
        partner=french,
        score=0.8,
        reasons=["shared sectors: energy"],
    )
    Recommendation.objects.create(
        event=german.event, participation=french, partner=german, score=0.8, reasons=["not mine"]
    )
    page = german_client.get(reverse("portal:catalog", args=[german.pk])).content.decode()
    assert "shared sectors: energy" in page
    assert "not mine" not in page


def test_the_catalog_costs_the_same_queries_for_one_or_three_participants(
    german_client, german, fair
):
    page = reverse("portal:catalog", args=[german.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert german_client.get(page).status_code == 200
        return len(captured)

    alone = queries()
    factories.french_winery(fair)
    factories.participant(fair, name="Osaka Robotics", country="JP", email="k@osaka.example")
    assert queries() == alone


def test_the_catalog_pages_keep_the_filters(german_client, german, fair, monkeypatch):
    monkeypatch.setattr("matchfair.web.portal.views.catalog.PAGE_SIZE", 1)
    factories.participant(fair, name="Berlin Sensorik", country="DE", email="s@bs.example")
    factories.participant(fair, name="Lyon Capteurs", country="FR", email="l@lc.example")
    response = german_client.get(
        reverse("portal:catalog", args=[german.pk]), {"country": "DE", "page": "2"}
    )
    assert _names(response) == ["Sonnenwerk GmbH"]
    assert 'href="?country=DE&amp;page=1"' in response.content.decode()


def test_the_catalog_names_kinds_and_attendance_in_the_readers_language(german_client, german):
    page = german_client.get(
        reverse("portal:catalog", args=[german.pk]), HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    assert "Unternehmen · vor Ort" in page
    assert "(Technologie)" in page


def test_the_country_filter_offers_the_countries_of_the_event_in_the_readers_language(
    german_client, german, french
):
    page = german_client.get(
        reverse("portal:catalog", args=[german.pk]), HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    start = page.index('<select id="id_country"')
    select = page[start : page.index("</select>", start)]
    assert re.findall(r'<option value="([A-Z]{2})">([^<]*)</option>', select) == [
        ("DE", "Deutschland"),
        ("FR", "Frankreich"),
    ]
