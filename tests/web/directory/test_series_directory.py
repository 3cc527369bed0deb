"""The series directory: search across editions, returning organizations first, kept up to date."""

import pytest

from matchfair.matching import EmbeddingCache, default_cache_dir
from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.directory.series_directory import (
    build_index,
    directory_entry,
    index_state,
    organization_texts,
    search_directory,
)
from tests.web.factories import SeriesEditions, organizer, series_editions

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions() -> SeriesEditions:
    return series_editions(organizer())


def build(editions: SeriesEditions):
    return build_index(
        series=editions.later.series, spec="fake", cache=EmbeddingCache(default_cache_dir())
    )


def names(entries) -> list[str]:
    return [entry.organization.name for entry in entries]


def test_an_organization_is_found_by_every_text_it_brought_to_the_series(editions):
    text = organization_texts(editions.later.series)[editions.returning.pk]
    assert text.splitlines() == [
        "Vetytekniikka Oy",
        "Hydrogen burners for industrial furnaces",
        "vetypolttimet",
        "hydrogen burners",
    ]


def test_a_search_finds_every_edition_and_puts_returning_organizations_first(editions):
    build(editions)
    found = search_directory(event=editions.later, query="hydrogen industrial furnaces park")
    # The park matches the query best, but Vetytekniikka took part twice.
    assert names(found)[:2] == ["Vetytekniikka Oy", "Chengdu Hydrogen Park"]
    assert found[0].returning
    assert [edition.name for edition in found[0].editions] == [
        "Chengdu-Nordic Dialogue 2026",
        "Chengdu-Nordic Dialogue 2025",
    ]
    assert found[0].in_event
    assert found[1].score > found[0].score
    assert "Sichuan Gearbox" in names(found)


def test_without_a_query_it_recommends_earlier_organizations_not_in_this_event(editions):
    build(editions)
    found = search_directory(event=editions.later)
    assert set(names(found)) == {"Sjökyla AB", "Sichuan Gearbox"}
    assert not any(entry.in_event for entry in found)
    assert all(entry.score is not None for entry in found)


def test_filters_keep_one_country_or_the_returning_organizations(editions):
    build(editions)
    assert names(search_directory(event=editions.later, query="hydrogen", country="se")) == [
        "Sjökyla AB"
    ]
    assert names(search_directory(event=editions.later, query="cooling", returning=True)) == [
        "Vetytekniikka Oy"
    ]


def test_before_the_first_build_names_and_descriptions_are_searched(editions):
    assert index_state(editions.later.series) is None
    assert names(search_directory(event=editions.later, query="lake water")) == ["Sjökyla AB"]
    found = search_directory(event=editions.later, query="hydrogen")
    assert names(found) == ["Vetytekniikka Oy", "Chengdu Hydrogen Park"]
    assert found[0].returning
    assert found[0].score is None
    assert set(names(search_directory(event=editions.later))) == {"Sjökyla AB", "Sichuan Gearbox"}


def test_a_rebuild_embeds_only_what_changed_and_removes_who_left(editions):
    first = build(editions)
    assert (first.organizations, first.embedded, first.removed) == (4, 4, 0)
    assert not index_state(editions.later.series).stale
    assert (build(editions).embedded, build(editions).removed) == (0, 0)

    opportunity = Opportunity.objects.get(participation__organization=editions.gearbox)
    opportunity.title = "district heating pumps"
    opportunity.save()
    assert index_state(editions.later.series).stale
    Participation.objects.filter(organization=editions.lake_cooling).delete()
    again = build(editions)
    assert (again.organizations, again.embedded, again.removed) == (3, 1, 1)
    assert not index_state(editions.later.series).stale
    found = search_directory(event=editions.later, query="district heating pumps")
    assert names(found)[:2] == ["Vetytekniikka Oy", "Sichuan Gearbox"]
    assert "Sjökyla AB" not in names(search_directory(event=editions.later, query="lake"))


def test_an_event_without_series_has_an_empty_directory(editions):
    editions.later.series = None
    assert search_directory(event=editions.later, query="hydrogen") == []
    assert directory_entry(editions.later, editions.gearbox.pk) is None


def test_only_organizations_of_the_series_are_directory_entries(editions):
    assert directory_entry(editions.later, editions.gearbox.pk) == editions.gearbox
    assert directory_entry(editions.later, 10**9) is None


def test_a_series_whose_organizations_all_left_has_an_empty_index(editions):
    build(editions)
    Participation.objects.filter(event__series=editions.later.series).delete()
    emptied = build(editions)
    assert (emptied.organizations, emptied.embedded, emptied.removed) == (0, 0, 4)
    assert search_directory(event=editions.later, query="hydrogen") == []


def test_recommendations_start_from_the_events_organizations_most_recently_changed(
    editions, monkeypatch
):
    build(editions)
    monkeypatch.setattr("matchfair.web.directory.series_directory.SEEDS", 1)
    park = Participation.objects.get(organization=editions.hydrogen_park)
    park.save()  # the park, most recently changed, is the one seed
    recommended = {e.organization.name: e.score for e in search_directory(event=editions.later)}
    park_text = organization_texts(editions.later.series)[editions.hydrogen_park.pk]
    like_the_park = {
        e.organization.name: e.score
        for e in search_directory(event=editions.later, query=park_text)
    }
    assert set(recommended) == {"Sjökyla AB", "Sichuan Gearbox"}
    for name, score in recommended.items():
        assert score == pytest.approx(like_the_park[name], abs=1e-5)
