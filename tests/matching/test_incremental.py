"""Refreshing recommendations after an edit: only the edited texts are encoded, only the
lists that can change are ranked again, and a refresh agrees with a full run."""

from collections import OrderedDict
from typing import Any

from matchfair.core import parse_event
from matchfair.matching import EmbeddingCache, FakeEncoder, incremental, recommend
from matchfair.matching.incremental import load_state, recommend_incrementally, save_state

TOPICS = [
    "hydrogen electrolyser membranes",
    "district cooling lake water",
    "sludge pyrolysis biochar",
    "rail freight containers",
    "solar panel recycling",
    "dialect speech recognition",
    "cold chain logistics",
    "precision irrigation sensors",
]


def _event(edited: str | None = None) -> dict[str, Any]:
    organizations, opportunities = [], []
    for number in range(40):
        org_id = f"org-{number}"
        organizations.append(
            {
                "id": org_id,
                "name": f"Organization {number}",
                "group": "host" if number % 2 else "guest",
                "sectors": [],
            }
        )
        text = f"{TOPICS[number % len(TOPICS)]} case {number}"
        if number == 0 and edited is not None:
            text = edited
        opportunities.append(
            {
                "id": f"{org_id}-1",
                "organization": org_id,
                "kind": "offer" if number % 2 else "request",
                "type": "technology",
                "title": text,
            }
        )
    return {
        "format": "matchfair-event/1",
        "event": {
            "id": "fair",
            "name": "Fair",
            "sessions": [
                {
                    "id": "day1",
                    "start": "2025-06-12T14:00:00+08:00",
                    "end": "2025-06-12T17:00:00+08:00",
                    "slot_minutes": 20,
                }
            ],
            "match_across_groups": True,
        },
        "organizations": organizations,
        "opportunities": opportunities,
    }


def _run(data: dict[str, Any], state, cache, encoder: FakeEncoder):
    return recommend_incrementally(
        parse_event(data), state, top=3, encoders=[encoder], cache=cache, share=0.1
    )


def test_a_first_run_is_a_full_one_and_equals_recommend(tmp_path):
    cache = EmbeddingCache(tmp_path)
    outcome = _run(_event(), None, cache, FakeEncoder())
    assert outcome.refreshed is None
    full = recommend(parse_event(_event()), top=3, encoders=[FakeEncoder()], cache=cache)
    assert outcome.recommendations == full


def test_an_edit_encodes_only_the_edited_text_and_ranks_only_lists_that_can_change(tmp_path):
    cache = EmbeddingCache(tmp_path)
    state = _run(_event(), None, cache, FakeEncoder()).state
    encoder = FakeEncoder()
    edited = "rail freight containers case 3 wanted"  # org-3's offer, nearly word for word
    outcome = _run(_event(edited), state, cache, encoder)
    assert encoder.encoded == [edited]
    assert outcome.refreshed is not None
    assert "org-0" in outcome.refreshed
    assert len(outcome.refreshed) < 40
    assert outcome.recommendations.recommendations["org-0"][0].partner == "org-3"
    # org-0 now asks for what org-3 offers: it enters org-3's list.
    assert "org-0" in [item.partner for item in outcome.recommendations.recommendations["org-3"]]
    # Lists that could not change are kept as they were.
    for id_, items in outcome.recommendations.recommendations.items():
        if id_ not in outcome.refreshed:
            assert items == state.recommendations.recommendations[id_]


def test_a_refreshed_list_agrees_with_a_full_run(tmp_path):
    cache = EmbeddingCache(tmp_path)
    state = _run(_event(), None, cache, FakeEncoder()).state
    edited = "rail freight containers case 19"
    outcome = _run(_event(edited), state, cache, FakeEncoder())
    full = recommend(parse_event(_event(edited)), top=3, encoders=[FakeEncoder()], cache=cache)
    mine = [item.partner for item in outcome.recommendations.recommendations["org-0"]]
    theirs = [item.partner for item in full.recommendations["org-0"]]
    # The best partner is the same; the others tie on three words with the other rail
    # freight offers, which both runs list (their order may differ: a refresh keeps the
    # other organizations' hub levels of the last full run).
    assert mine[0] == theirs[0] == "org-19"
    rail = {f"org-{number}" for number in (3, 11, 19, 27, 35)}
    assert set(mine) <= rail
    assert set(theirs) <= rail


def test_no_change_ranks_nothing_and_many_changes_run_in_full(tmp_path):
    cache = EmbeddingCache(tmp_path)
    state = _run(_event(), None, cache, FakeEncoder()).state
    same = _run(_event(), state, cache, FakeEncoder())
    assert same.refreshed == []
    assert same.recommendations == state.recommendations
    many = _event()
    for opportunity in many["opportunities"][:10]:
        opportunity["title"] += " revised"
    assert _run(many, state, cache, FakeEncoder()).refreshed is None


def test_the_state_survives_a_round_trip_through_a_file(tmp_path, monkeypatch):
    state = _run(_event(), None, EmbeddingCache(tmp_path), FakeEncoder()).state
    save_state(state, tmp_path / "state" / "fair.npz")
    # Another process: nothing kept in memory, the file is read.
    monkeypatch.setattr(incremental, "_kept", OrderedDict())
    loaded = load_state(tmp_path / "state" / "fair.npz")
    assert loaded is not state
    assert loaded is not None
    assert loaded.recommendations == state.recommendations
    first = state.recommendations.recommendations["org-0"][0]
    assert first.messages
    assert loaded.recommendations.recommendations["org-0"][0].messages == first.messages
    assert loaded.fingerprints == state.fingerprints
    assert (loaded.levels == state.levels).all()
    assert load_state(tmp_path / "missing.npz") is None


def test_a_process_reads_the_state_it_saved_from_memory_not_from_the_file(tmp_path, monkeypatch):
    path = tmp_path / "fair.npz"
    state = _run(_event(), None, EmbeddingCache(tmp_path), FakeEncoder()).state
    save_state(state, path)

    def unread(*args, **kwargs):
        raise AssertionError("the state file was read again")

    monkeypatch.setattr(incremental.np, "load", unread)
    assert load_state(path) is state


def test_a_state_file_another_process_rewrote_is_read_again(tmp_path):
    path = tmp_path / "fair.npz"
    cache = EmbeddingCache(tmp_path)
    before = _run(_event(), None, cache, FakeEncoder()).state
    save_state(before, path)
    remembered = incremental._kept[path]
    after = _run(_event(edited="solar panel recycling plant"), None, cache, FakeEncoder()).state
    save_state(after, path)
    # This process saved ``before`` last; another one wrote ``after`` since.
    incremental._kept[path] = remembered
    loaded = load_state(path)
    assert loaded is not None
    assert loaded is not before
    assert loaded.fingerprints == after.fingerprints != before.fingerprints
