"""Cross-lingual retrieval with the real offline encoders on the hand-written fixture."""

import pytest

from matchfair.core import Event, Recommendations, parse_event
from matchfair.matching import NoCache, SearchIndex, recommend

from .conftest import TRUE_PAIRS, event_data


@pytest.fixture(scope="module", params=["use", "use+e5"])
def recommendations(request: pytest.FixtureRequest) -> Recommendations:

    return recommend(parse_event(event_data()), spec=request.param, cache=NoCache())


def _partners(recommendations: Recommendations, organization: str) -> list[str]:
    return [item.partner for item in recommendations.recommendations[organization]]


@pytest.mark.parametrize(("a", "b"), TRUE_PAIRS)
def test_a_need_and_its_answer_in_another_language_recommend_each_other(
    recommendations: Recommendations, a: str, b: str
):
    assert b in _partners(recommendations, a)[:2]
    assert a in _partners(recommendations, b)[:2]


def test_a_german_query_finds_the_chinese_need(event: Event):
    index = SearchIndex.build(event, spec="use", cache=NoCache())
    results = index.search("Stromerzeugung aus industrieller Abwärme", top=3)
    assert results.query_language == "de"
    assert "panxi-steel-1" in [hit.id for hit in results.opportunities]
