"""Routing: texts the primary encoder cannot read go to another, mapped into its space."""

import numpy as np

from matchfair.matching import EmbeddingCache, FakeEncoder, NoCache
from matchfair.matching.dense import build_space
from matchfair.matching.routing import MIN_ANCHORS, RoutedEncoder, anchor_positions, fit_map


def _event_texts() -> tuple[list[str], list[str]]:
    texts = [f"word{n} word{n + 1} common{n % 5}" for n in range(60)]
    texts += ["vety uuni poltin", "fjärrkyla sjövatten"]
    return texts, ["en"] * 60 + ["fi", "sv"]


def _routed() -> RoutedEncoder:
    english = FakeEncoder(dimension=48, languages=frozenset({"en"}))
    return RoutedEncoder(english, FakeEncoder(dimension=32))


def test_the_map_recovers_a_linear_relation_between_two_spaces():
    rng = np.random.default_rng(3)
    source = rng.normal(size=(400, 16)).astype(np.float32)
    truth = rng.normal(size=(16, 24)).astype(np.float32)
    mapping = fit_map(source, source @ truth)
    unseen = rng.normal(size=(20, 16)).astype(np.float32)
    mapped, expected = unseen @ mapping, unseen @ truth
    cosines = (mapped * expected).sum(axis=1) / (
        np.linalg.norm(mapped, axis=1) * np.linalg.norm(expected, axis=1)
    )
    assert cosines.min() > 0.99


def test_only_unread_texts_and_the_anchors_reach_the_reader():
    texts, languages = _event_texts()
    routed = _routed()
    space = build_space(routed, texts, languages, NoCache())
    assert "vety uuni poltin" not in routed.primary.encoded
    anchors = {texts[row] for row in anchor_positions(texts, range(60))}
    assert set(routed.reader.encoded) == anchors | {"vety uuni poltin", "fjärrkyla sjövatten"}
    assert space.mapping is not None
    assert space.vectors.shape == (62, 48)
    assert space.covered.all()


def test_a_warm_run_encodes_nothing_and_an_edit_only_its_own_text(tmp_path):
    texts, languages = _event_texts()
    cache = EmbeddingCache(tmp_path)
    build_space(_routed(), texts, languages, cache)
    warm = _routed()
    build_space(warm, texts, languages, cache)
    assert warm.primary.encoded == []
    assert warm.reader.encoded == []
    edited = _routed()
    build_space(edited, [*texts[:-1], "fjärrkyla med sjövatten"], languages, cache)
    assert edited.primary.encoded == []
    assert edited.reader.encoded == ["fjärrkyla med sjövatten"]


def test_too_few_readable_texts_for_a_map_leave_everything_to_the_primary():
    texts = [f"w{n}" for n in range(MIN_ANCHORS - 1)] + ["vety"]
    routed = _routed()
    space = build_space(routed, texts, ["en"] * (MIN_ANCHORS - 1) + ["fi"], NoCache())
    assert space.mapping is None
    assert routed.reader.encoded == []
    assert "vety" in routed.primary.encoded


def test_a_query_in_an_unread_language_is_embedded_by_the_reader_through_the_map():
    texts, languages = _event_texts()
    routed = _routed()
    space = build_space(routed, texts, languages, NoCache())
    routed.reader.encoded.clear()
    vector = space.embed(["vety"], ["fi"])
    assert routed.reader.encoded == ["vety"]
    assert vector.shape == (1, 48)
    expected = routed.reader.encode(["vety"]) @ space.mapping
    assert np.allclose(vector[0], expected[0] / np.linalg.norm(expected[0]), atol=1e-5)
