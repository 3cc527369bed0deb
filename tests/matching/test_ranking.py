"""Block-wise ranking gives the same answer whatever the block size, down to tiny events."""

import numpy as np
import pytest

from matchfair.core import parse_event
from matchfair.matching import FakeEncoder, NoCache, ranking, recommend

from .conftest import event_data


def _recommend(data):
    return recommend(parse_event(data), encoders=[FakeEncoder()], cache=NoCache(), top=20)


@pytest.mark.parametrize("across_groups", [False, True])
def test_small_blocks_give_the_same_recommendations(
    monkeypatch: pytest.MonkeyPatch, across_groups: bool
):
    whole = _recommend(event_data(match_across_groups=across_groups))
    monkeypatch.setattr(ranking, "BLOCK_UNITS", 2)
    monkeypatch.setattr(ranking, "PRODUCT_UNITS", 2)
    assert _recommend(event_data(match_across_groups=across_groups)) == whole


def test_an_event_without_organizations_has_no_recommendations():
    data = event_data()
    data["organizations"], data["opportunities"] = [], []
    assert _recommend(data).recommendations == {}


def test_a_lone_organization_gets_an_empty_list():
    data = event_data()
    data["organizations"] = data["organizations"][:1]
    data["opportunities"] = [o for o in data["opportunities"] if o["organization"] == "panxi-steel"]
    assert _recommend(data).recommendations == {"panxi-steel": []}


def _sorted_in_full(block: np.ndarray, top: int) -> list[list[tuple[int, float]]]:
    """Every row sorted whole: best first, ties by position, finite only."""
    return [
        [
            (column, float(row[column]))
            for column in sorted(range(len(row)), key=lambda c, r=row: (-r[c], c))
            if np.isfinite(row[column])
        ][:top]
        for row in block
    ]


@pytest.mark.parametrize("chunk", [2, 3, 64])
@pytest.mark.parametrize("top", [1, 4, 10])
def test_top_of_equals_sorting_whole_rows_with_ties_and_forbidden_pairs(
    monkeypatch: pytest.MonkeyPatch, chunk: int, top: int
):
    monkeypatch.setattr(ranking, "CHUNK", chunk)
    rng = np.random.default_rng(chunk * 100 + top)
    # Few distinct values (many ties), a third of the pairs forbidden (-inf).
    block = rng.integers(0, 6, size=(40, 37)).astype(np.float32) / 4
    block[rng.random(block.shape) < 0.33] = -np.inf
    block[0] = -np.inf  # nobody allowed
    block[1, 2:] = -np.inf  # fewer allowed than asked for
    assert ranking.top_of(block, top) == _sorted_in_full(block, top)
