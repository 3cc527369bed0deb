"""The directory's nearest-neighbour index: exact when small, approximate but faithful when large."""

from pathlib import Path

import numpy as np
import pytest

from matchfair.matching.ann import VectorIndex
from matchfair.matching.encoder import normalise_rows


def clustered(count: int, dimension: int = 48, seed: int = 7) -> np.ndarray:
    """Unit vectors around 40 themes, as organizations' texts cluster by sector."""
    random = np.random.default_rng(seed)
    themes = random.normal(size=(40, dimension))
    picks = random.integers(0, 40, size=count)
    return normalise_rows(themes[picks] + 0.6 * random.normal(size=(count, dimension)))


def recall_at_10(index: VectorIndex, queries: np.ndarray) -> float:
    hits = 0
    for query in queries:
        approximate = set(index.search(query, 10).keys.tolist())
        exact = set(index.search(query, 10, exact=True).keys.tolist())
        hits += len(approximate & exact)
    return hits / (10 * len(queries))


def test_small_index_searches_exactly_best_first():
    vectors = clustered(500)
    index = VectorIndex(48, approximate_above=1000)
    index.add(range(500), vectors)
    found = index.search(vectors[42], 5)
    assert not index.approximate
    assert found.keys[0] == 42
    assert found.scores[0] == pytest.approx(1.0, abs=1e-5)
    brute = np.argsort(-(vectors @ vectors[42]))[:5]
    assert found.keys.tolist() == brute.tolist()
    assert list(found.scores) == sorted(found.scores, reverse=True)


def test_large_index_is_approximate_with_recall_at_10_of_at_least_098():
    vectors = clustered(4000)
    index = VectorIndex(48, approximate_above=1000)
    index.add(range(4000), vectors)
    assert index.approximate
    queries = clustered(200, seed=11)
    assert recall_at_10(index, queries) >= 0.98


def test_growing_past_the_threshold_builds_the_graph_and_shrinking_drops_it():
    vectors = clustered(1500)
    index = VectorIndex(48, approximate_above=1000)
    index.add(range(900), vectors[:900])
    assert not index.approximate
    index.add(range(900, 1500), vectors[900:])
    assert index.approximate
    assert len(index) == 1500
    index.remove(range(600))
    assert not index.approximate
    assert len(index) == 900
    assert set(index.search(vectors[1200], 900).keys.tolist()) == set(range(600, 1500))


def test_removed_keys_are_never_found_and_replaced_keys_move(tmp_path: Path):
    vectors = clustered(3000)
    index = VectorIndex(48, approximate_above=1000)
    index.add(range(3000), vectors)
    index.remove([5, 6, 7])
    assert 5 not in index
    assert 5 not in index.search(vectors[5], 10).keys.tolist()
    index.add([8], vectors[2000:2001])
    assert index.search(vectors[2000], 2).keys.tolist() in ([2000, 8], [8, 2000])
    assert index.search(vectors[2000], 2, exact=True).scores[1] == pytest.approx(1.0, abs=1e-5)
    index.add([5], vectors[5:6])
    assert index.search(vectors[5], 1).keys.tolist() == [5]
    assert len(index) == 2998


def test_saved_index_loads_with_its_graph_and_answers_the_same(tmp_path: Path):
    vectors = clustered(2500)
    index = VectorIndex(48, approximate_above=1000)
    index.add(range(10, 2510), vectors)
    index.save(tmp_path / "series-1")
    loaded = VectorIndex.load(tmp_path / "series-1")
    assert loaded.approximate
    assert len(loaded) == 2500
    assert loaded.search(vectors[3], 10).keys.tolist() == index.search(vectors[3], 10).keys.tolist()
    assert loaded.memory_bytes > vectors.nbytes


def test_bad_input_is_refused_with_what_is_wrong():
    index = VectorIndex(4)
    with pytest.raises(ValueError, match="2 keys for 1 vectors"):
        index.add([1, 2], np.ones((1, 4)))
    with pytest.raises(ValueError, match="the same key twice"):
        index.add([1, 1], np.ones((2, 4)))
    assert index.search(np.ones(4), 10).keys.tolist() == []
