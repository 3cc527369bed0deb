"""The directory reads that the pages and the API share (``directory.queries``)."""

import pytest

from matchfair.web.directory.models import Opportunity
from matchfair.web.directory.queries import (
    content_version,
    country_codes_of,
    opportunities_of,
    participations_of,
    search_participations,
    sectors_of,
)

pytestmark = pytest.mark.django_db


def codes(rows) -> list[str]:
    return sorted(row.code for row in rows)


def test_without_filters_every_participation_of_the_event_is_read(event, other_event):
    assert codes(participations_of(event)) == ["smart-eye", "tegnology", "tsinghua-energy"]


def test_each_participation_filter_narrows_the_list(event):
    assert codes(participations_of(event, country="CN")) == ["tsinghua-energy"]
    assert codes(participations_of(event, kind="company")) == ["tegnology"]
    assert codes(participations_of(event, attendance="online")) == ["smart-eye"]
    assert codes(participations_of(event, group="nordic")) == ["tegnology"]
    assert codes(participations_of(event, name="smart EYE")) == ["smart-eye"]
    assert codes(participations_of(event, name="smart teg")) == []
    assert codes(participations_of(event, sector="photovoltaics")) == ["tsinghua-energy"]
    requests = opportunities_of(event, kind="request")
    assert codes(participations_of(event, offering=requests)) == ["tsinghua-energy"]


def test_each_opportunity_filter_narrows_the_list(event, entry):
    assert codes(opportunities_of(event)) == ["teg-1", "ths-1"]
    assert codes(opportunities_of(event, kind="offer")) == ["teg-1"]
    assert codes(opportunities_of(event, type="research")) == ["ths-1"]
    teg = entry(event, "tegnology")
    assert codes(opportunities_of(event, participation=teg.pk)) == ["teg-1"]
    assert codes(opportunities_of(event, words="industrial heat")) == ["teg-1"]


def test_a_word_search_looks_in_names_profiles_and_opportunities(event):
    assert codes(search_participations(event, "waste")) == ["tegnology"]
    assert codes(search_participations(event, "光伏储能")) == ["tsinghua-energy"]
    assert codes(search_participations(event, "smart")) == ["smart-eye"]


def test_the_filters_offer_the_countries_and_sectors_of_the_event(event):
    assert country_codes_of(event) == {"DK", "CN"}
    assert sectors_of(event) == ([], ["energy", "photovoltaics"])
    Opportunity.objects.filter(event=event).update(nace=["D"])
    assert sectors_of(event) == (["D"], ["energy", "photovoltaics"])


def test_the_content_version_moves_with_every_edit_addition_and_removal(event, entry):
    first = content_version(event)
    assert content_version(event) == first
    teg = entry(event, "tegnology")
    teg.description = "Waste heat to power."
    teg.save(update_fields=["description"])
    edited = content_version(event)
    assert edited != first
    added = Opportunity.objects.create(
        event=event, participation=teg, code="teg-2", kind="offer", title="Sensors"
    )
    assert content_version(event) != edited
    with_it = content_version(event)
    added.delete()
    assert content_version(event) != with_it
