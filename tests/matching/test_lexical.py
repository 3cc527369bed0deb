"""Lexical retrieval: terms without a dictionary, and BM25 over them."""

import numpy as np

from matchfair.matching.lexical import LexicalIndex, fold, relative, terms


def test_case_and_accents_are_folded_so_that_spellings_agree():
    assert fold("Électrolyseur PEM") == "electrolyseur pem"
    assert fold("Lämpövarasto") == "lampovarasto"


def test_chinese_is_read_as_overlapping_pairs_of_characters():
    assert terms("余热发电") == ["余热", "热发", "发电"]
    assert terms("氢") == ["氢"]


def test_a_compound_shares_the_pieces_of_its_parts():
    compound = set(terms("vetyteknologia"))
    assert {"_vet", "vety"} <= compound & set(terms("vetypolttimet"))
    assert {"_kla", "schl", "lamm"} <= set(terms("Klärschlammverwertung")) & set(
        terms("Klärschlamm")
    )


def test_mixed_script_queries_yield_terms_of_both_scripts():
    found = terms("CLT木结构")
    assert "_clt" in found
    assert "木结" in found


def test_the_text_sharing_the_query_words_ranks_first_and_unrelated_texts_score_nothing():
    index = LexicalIndex(
        [
            "Vertikalachsen-Windräder bis 20 kW",
            "Klärschlammverwertung durch Pyrolyse zu Biokohle",
            "Puhdistamolietteen pyrolyysi biohiileksi",
        ]
    )
    scores = index.scores("klärschlamm")
    assert int(np.argmax(scores)) == 1
    assert scores[0] == 0.0


def test_a_query_of_unknown_words_scores_zero_everywhere():
    index = LexicalIndex(["Strøm fra spildvarme", "Riego por goteo"])
    assert index.scores("xyzzy").tolist() == [0.0, 0.0]
    assert LexicalIndex([]).scores("anything").shape == (0,)


def test_relative_scores_are_shares_of_the_best_and_zero_when_nothing_matched():
    assert relative(np.array([2.0, 1.0, 0.0], dtype=np.float32)).tolist() == [1.0, 0.5, 0.0]
    assert relative(np.zeros(3, dtype=np.float32)).tolist() == [0.0, 0.0, 0.0]
