"""Search's witnesses beside the dense similarity, with the fake encoder (no model).

The fake encoder knows whole words only, as a sentence encoder knows little of a
Finnish compound it has rarely seen: what finds the organization then is the
lexical witness (pieces of words) or the sectors the organization is filed under.
"""

import numpy as np
import pytest

from matchfair.core import Event, parse_event
from matchfair.matching import E5Encoder, FakeEncoder, NoCache, SearchIndex, Weights

ORGANIZATIONS = [
    # id, name, sectors, description
    ("vety-oy", "Vety Oy", ["hydrogen", "energy"], "Suomalainen teollisuuden energiayhtiö."),
    ("turva-oy", "Turva Oy", ["safety"], "Yksintyöskentelijän kaasuilmaisimet kaivoksiin."),
    ("vaihde-oy", "Vaihde Oy", ["machinery"], "Vaihteistot kaivoskoneisiin ja nostureihin."),
    ("qingneng", "蓉城氢能装备有限公司", ["hydrogen"], "高压储氢气瓶和长管拖车制造企业。"),
    ("riego", "Riegos del Sur S.L.", ["agriculture"], "Sistemas de riego por goteo."),
]

OPPORTUNITIES = [
    # id, organization, kind, title, description
    (
        "vety-oy-1",
        "vety-oy",
        "offer",
        "Vetypolttimet teollisuusuuneihin",
        "Polttimet, jotka käyttävät vihreää vetyä maakaasun sijaan terästehtaiden uuneissa.",
    ),
    (
        "turva-oy-1",
        "turva-oy",
        "offer",
        "Kaasuilmaisimet yksin työskenteleville",
        "Puettava ilmaisin hälyttää, kun ilmassa on vaarallisia kaasuja.",
    ),
    (
        "vaihde-oy-1",
        "vaihde-oy",
        "offer",
        "Raskaat vaihteistot",
        "Vaihteistot kaivoskoneisiin, nostureihin ja teollisuuden kuljettimiin.",
    ),
    ("qingneng-1", "qingneng", "offer", "储氢气瓶", "IV型储氢气瓶，工作压力70兆帕。"),
    ("riego-1", "riego", "offer", "Riego por goteo", "Goteo con sondas de humedad del suelo."),
]


def _event() -> Event:
    return parse_event(
        {
            "format": "matchfair-event/1",
            "event": {
                "id": "search-fixture",
                "name": "Search fixture",
                "timezone": "Asia/Shanghai",
                "sessions": [
                    {
                        "id": "day1",
                        "start": "2025-06-12T14:00:00+08:00",
                        "end": "2025-06-12T17:00:00+08:00",
                        "slot_minutes": 20,
                    }
                ],
            },
            "organizations": [
                {
                    "id": id_,
                    "name": name,
                    "country": "FI",
                    "kind": "company",
                    "sectors": sectors,
                    "description": description,
                }
                for id_, name, sectors, description in ORGANIZATIONS
            ],
            "opportunities": [
                {
                    "id": id_,
                    "organization": owner,
                    "kind": kind,
                    "type": "technology",
                    "title": title,
                    "description": description,
                }
                for id_, owner, kind, title, description in OPPORTUNITIES
            ],
        }
    )


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(_event(), encoders=[FakeEncoder()], cache=NoCache())


def _organizations(index: SearchIndex, query: str, weights: Weights, top: int = 10) -> list[str]:
    index.weights = weights
    return [hit.id for hit in index.search(query, top=top).organizations]


def test_a_finnish_compound_finds_the_hydrogen_organization_through_its_word_pieces(index):
    lexical_only = Weights(search_titles=0, search_sectors=0, search_lexical=5.0)
    assert _organizations(index, "vetyteknologia", lexical_only)[0] == "vety-oy"


def test_with_the_real_encoders_a_finnish_query_finds_the_hydrogen_organization_first():
    index = SearchIndex.build(_event(), spec="use+e5", cache=NoCache())
    for query in ("vetyteknologia", "vetypolttimet teollisuusuuneihin"):
        assert index.search(query, top=3).organizations[0].id == "vety-oy"


def test_a_query_naming_a_sector_finds_the_organizations_filed_under_it(index):
    sectors_only = Weights(search_titles=0, search_sectors=5.0, search_lexical=0)
    assert set(_organizations(index, "hydrogen", sectors_only)[:2]) == {"vety-oy", "qingneng"}


def test_a_chinese_query_finds_the_chinese_text_through_character_pairs(index):
    assert _organizations(index, "储氢", Weights())[0] == "qingneng"


def test_with_the_other_witnesses_off_the_dense_similarity_alone_finds_the_own_words(index):
    dense_only = Weights(search_titles=0, search_sectors=0, search_lexical=0)
    index.weights = dense_only
    _, values = index.similarities("riego por goteo")
    best = max(range(len(values)), key=lambda row: values[row])
    corpus = index.analysis.corpus
    assert corpus.organizations[corpus.units[best].organization].id == "riego"


@pytest.mark.parametrize("top", [1, 2, 3])
def test_a_smaller_limit_gives_the_first_results_of_a_larger_one(index, top):
    index.weights = Weights()
    every = index.search("vetypolttimet uuneihin", top=10)
    few = index.search("vetypolttimet uuneihin", top=top)
    assert few.organizations == every.organizations[:top]
    assert few.opportunities == every.opportunities[:top]


def test_scores_stay_in_the_unit_interval_best_first(index):
    index.weights = Weights()
    results = index.search("vety", top=10)
    for hits in (results.opportunities, results.organizations):
        scores = [hit.score for hit in hits]
        assert all(0.0 <= score <= 1.0 for score in scores)
        assert scores == sorted(scores, reverse=True)


def test_where_no_encoder_of_the_index_reads_every_language_e5_reads_the_sector_labels():
    only_english = FakeEncoder(languages=frozenset({"en"}))
    index = SearchIndex.build(_event(), encoders=[only_english], cache=NoCache())
    readers = index.facets.sectors.readers
    assert readers[0] is only_english
    assert isinstance(readers[1], E5Encoder)
    index.weights = Weights(search_titles=0, search_sectors=5.0, search_lexical=0)
    assert {hit.id for hit in index.search("hydrogen", top=2).organizations} == {
        "vety-oy",
        "qingneng",
    }


def test_an_encoder_that_reads_every_language_reads_the_sector_labels_alone(index):
    assert len(index.facets.sectors.readers) == 1


def test_the_witnesses_combined_with_the_index_weights_are_the_search_scores(index):
    index.weights = Weights(search_titles=0.7, search_sectors=0.2, search_lexical=1.3)
    witnesses = index.witnesses("vetypolttimet uuneihin")
    language, values = index.similarities("vetypolttimet uuneihin")
    assert language == witnesses.language
    assert values == pytest.approx(witnesses.combined(index.weights), abs=1e-5)


def test_with_every_other_weight_at_zero_the_witnesses_combine_to_the_text_alone(index):
    witnesses = index.witnesses("vetyteknologia")
    dense_only = Weights(search_titles=0, search_sectors=0, search_lexical=0)
    assert witnesses.combined(dense_only) == pytest.approx(witnesses.text)
    assert witnesses.lexical.max() == pytest.approx(1.0)


def test_ranking_given_scores_orders_organizations_by_their_best_text(index):
    corpus = index.analysis.corpus
    values = np.zeros(len(corpus.units), dtype=np.float32)
    chosen = next(row for row, unit in enumerate(corpus.units) if unit.opportunity is None)
    values[chosen] = 5.0
    results = index.rank("fi", values, top=2)
    assert results.organizations[0].id == corpus.organizations[corpus.units[chosen].organization].id
    assert len(results.organizations) == 2
