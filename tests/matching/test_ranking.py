"""Block-wise ranking gives the same answer whatever the block size, down to tiny events."""

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
