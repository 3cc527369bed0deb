"""The catalog's search index: built once per version of the event's texts, rebuilt by any
edit of them, so a search is never answered from texts that have changed."""

from collections.abc import Callable

import pytest
from django.urls import reverse

import matchfair.web.exchange.search_index as search_index_module
from matchfair.matching import SearchIndex
from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.events.models import Event
from matchfair.web.notify.domain.participants import (
    delete_opportunity,
    save_opportunity,
    update_profile,
)
from tests.web import factories

HYDROGEN = "Wasserstoff Elektrolyseure Membranen"


@pytest.fixture
def builds(monkeypatch, settings, tmp_path) -> list[str]:
    """The specs of the indexes built from now on (the fake encoder: no model needed)."""
    settings.MATCHFAIR_ENCODER = "fake"
    monkeypatch.setenv("MATCHFAIR_CACHE", str(tmp_path / "cache"))
    made: list[str] = []

    class Counting(SearchIndex):
        @classmethod
        def build(cls, *args, **kwargs) -> SearchIndex:
            made.append(kwargs["spec"])
            return super().build(*args, **kwargs)

    monkeypatch.setattr(search_index_module, "SearchIndex", Counting)
    return made


def _search(client, participation: Participation, query: str) -> list[tuple[str, float]]:
    response = client.get(reverse("portal:catalog", args=[participation.pk]), {"q": query})
    assert response.status_code == 200
    return [
        (entry.participation.organization.name, entry.score)
        for entry in response.context["entries"]
    ]


def _found(client, participation: Participation, query: str) -> list[str]:
    return [name for name, _ in _search(client, participation, query)]


def test_searches_share_one_index_until_the_texts_change(
    german_client, german, french_client, french, builds
):
    _found(german_client, german, "vin Chine")
    _found(german_client, german, "importateurs")
    _found(french_client, french, "Batteriespeicher")
    assert builds == ["fake"]


def _edit_opportunity(fair: Event, french: Participation) -> None:
    opportunity = Opportunity.objects.get(participation=french)
    save_opportunity(
        participation=french,
        opportunity=opportunity,
        kind="offer",
        type="technology",
        title=HYDROGEN,
        description="",
        sectors=["energy"],
    )


def _add_opportunity(fair: Event, french: Participation) -> None:
    save_opportunity(
        participation=french,
        opportunity=None,
        kind="offer",
        type="technology",
        title=HYDROGEN,
        description="",
        sectors=[],
    )


def _edit_profile(fair: Event, french: Participation) -> None:
    update_profile(
        participation=french,
        description=HYDROGEN,
        sectors=[],
        languages=["fr"],
        attendance="online",
    )


def _rename_organization(fair: Event, french: Participation) -> None:
    french.organization.name = HYDROGEN
    french.organization.save()


def _register_newcomer(fair: Event, french: Participation) -> None:
    newcomer = factories.participant(fair, name="Osaka Robotics", country="JP", email="k@o.example")
    update_profile(
        participation=newcomer, description=HYDROGEN, sectors=[], languages=[], attendance="onsite"
    )


EDITS = [_edit_opportunity, _add_opportunity, _edit_profile, _rename_organization]


@pytest.mark.parametrize("edit", [*EDITS, _register_newcomer], ids=lambda edit: edit.__name__)
def test_an_edit_is_found_by_the_next_search(
    german_client, german, french, fair, builds, edit: Callable[[Event, Participation], None]
):
    ((_, before),) = _search(german_client, german, HYDROGEN)
    edit(fair, french)
    name, after = _search(german_client, german, HYDROGEN)[0]
    assert name in {"Vignoble Exportateur", HYDROGEN, "Osaka Robotics"}
    # Now word for word the query (the fake encoder compares words): a stale index would
    # score the old texts as before.
    assert after > before
    assert builds == ["fake", "fake"]


def test_a_removed_participant_is_no_longer_found(german_client, german, french, builds):
    assert "Vignoble Exportateur" in _found(german_client, german, "vin Chine")
    delete_opportunity(
        participation=french, opportunity=Opportunity.objects.get(participation=french)
    )
    assert "Vignoble Exportateur" in _found(german_client, german, "Vignoble Exportateur")
    french.delete()
    assert _found(german_client, german, "Vignoble Exportateur") == []
    assert len(builds) == 3


def test_an_edit_in_another_event_keeps_the_index(german_client, german, french, owner, builds):
    other = factories.participant(
        factories.event(owner, name="Another fair"),
        name="Lyon Capteurs",
        country="FR",
        email="l@l.fr",
    )
    _found(german_client, german, "vin Chine")
    _add_opportunity(other.event, other)
    _found(german_client, german, "vin Chine")
    assert builds == ["fake"]


def test_the_keeper_builds_the_index_before_the_first_search(
    german_client, german, french, fair, builds
):
    assert search_index_module.refresh_indexes("fake") >= 1
    assert builds == ["fake"]
    _found(german_client, german, "vin Chine")
    assert builds == ["fake"]


def test_the_keeper_rebuilds_an_edited_event_so_the_next_search_builds_nothing(
    german_client, german, french, fair, builds
):
    search_index_module.refresh_indexes("fake")
    _edit_opportunity(fair, french)
    assert search_index_module.refresh_indexes("fake") == 1
    assert search_index_module.refresh_indexes("fake") == 0
    assert _found(german_client, german, HYDROGEN)[0] == "Vignoble Exportateur"
    assert builds == ["fake", "fake"]


class _OneRound:
    """A stop signal that lets the keeper look once, then stops it."""

    def __init__(self) -> None:
        self.rounds = 0

    def is_set(self) -> bool:
        return self.rounds > 0

    def wait(self, timeout: float) -> bool:
        self.rounds += 1
        return True


def test_the_keeper_loop_refreshes_until_stopped(german, french, fair, builds):
    stop = _OneRound()
    search_index_module.keep_fresh(stop, "fake", interval=0)
    assert stop.rounds == 1
    assert builds == ["fake"]
