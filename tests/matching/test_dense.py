"""Dense similarity: exact pair statistics, centring by language, model coverage."""

import numpy as np

from matchfair.matching import FakeEncoder, NoCache
from matchfair.matching.dense import _pair_statistics, build_space, combined_similarity


def test_pair_statistics_equal_those_of_every_pair_formed_explicitly():
    vectors = np.random.default_rng(7).normal(size=(40, 16)).astype(np.float32)
    values = (vectors @ vectors.T)[~np.eye(40, dtype=bool)]
    mean, deviation = _pair_statistics(vectors)
    assert np.isclose(mean, values.mean(), rtol=1e-4)
    assert np.isclose(deviation, values.std(), rtol=1e-4)


def test_texts_of_one_language_lose_their_common_direction():
    texts = ["alpha beta", "alpha gamma", "alpha delta", "omega"]
    space = build_space(FakeEncoder(), texts, ["de", "de", "de", "fi"], NoCache())
    raw = FakeEncoder().encode(texts)
    assert np.linalg.norm(space.vectors[:3].sum(axis=0)) < np.linalg.norm(raw[:3].sum(axis=0))
    assert np.allclose(np.linalg.norm(space.vectors, axis=1), 1.0, atol=1e-5)


def test_a_pair_is_judged_by_the_models_that_read_both_languages():
    texts = ["alpha beta", "alpha gamma", "beta gamma"]
    languages = ["de", "de", "fi"]
    reads_german = FakeEncoder(languages=frozenset({"de"}))
    reads_all = FakeEncoder(dimension=32)
    spaces = [build_space(e, texts, languages, NoCache()) for e in (reads_german, reads_all)]
    both = combined_similarity(
        spaces,
        [s.vectors for s in spaces],
        [s.covered for s in spaces],
        [s.vectors for s in spaces],
        [s.covered for s in spaces],
    )
    alone = spaces[1].similarity(spaces[1].vectors, spaces[1].vectors)
    german = spaces[0].similarity(spaces[0].vectors, spaces[0].vectors)
    assert np.isclose(both[0, 2], alone[0, 2])
    assert np.isclose(both[0, 1], (alone[0, 1] + german[0, 1]) / 2)
