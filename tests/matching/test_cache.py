"""The on-disk embedding cache: a second run embeds nothing, an edit embeds only itself."""

from pathlib import Path

import numpy as np
import pytest

from matchfair.core import parse_event
from matchfair.matching import EmbeddingCache, FakeEncoder, default_cache_dir, recommend
from matchfair.matching import cache as cache_module
from matchfair.matching.cache import text_key

from .conftest import event_data


def test_a_second_run_takes_every_vector_from_the_cache(tmp_path: Path):
    cache = EmbeddingCache(tmp_path)
    first, second = FakeEncoder(), FakeEncoder()
    before = recommend(parse_event(event_data()), encoders=[first], cache=cache)
    after = recommend(parse_event(event_data()), encoders=[second], cache=cache)
    assert len(first.encoded) == 9
    assert second.encoded == []
    assert after == before


def test_after_an_edit_only_the_changed_text_is_embedded_again(tmp_path: Path):
    cache = EmbeddingCache(tmp_path)
    recommend(parse_event(event_data()), encoders=[FakeEncoder()], cache=cache)
    data = event_data()
    data["opportunities"][0]["title"] = "工业余热发电与储热技术"
    encoder = FakeEncoder()
    recommend(parse_event(data), encoders=[encoder], cache=cache)
    assert len(encoder.encoded) == 1
    assert encoder.encoded[0].startswith("工业余热发电与储热技术. ")


def test_cached_vectors_are_the_computed_ones(tmp_path: Path):
    cache = EmbeddingCache(tmp_path)
    texts = ["Abwärme", "余热", "Abwärme"]
    computed = cache.values("fake", texts, FakeEncoder().encode)
    reread = EmbeddingCache(tmp_path).values("fake", texts, FakeEncoder().encode)
    assert np.array_equal(computed, reread)
    assert np.array_equal(computed[0], computed[2])


def test_many_runs_leave_one_merged_pack(tmp_path: Path):
    cache = EmbeddingCache(tmp_path)
    for number in range(20):
        cache.values("fake", [f"text {number}"], FakeEncoder().encode)
    packs = list((tmp_path / "fake").glob("*.npz"))
    assert len(packs) < 16
    encoder = FakeEncoder()
    cache.values("fake", [f"text {number}" for number in range(20)], encoder.encode)
    assert encoder.encoded == []


def test_an_unreadable_pack_is_recomputed_not_fatal(tmp_path: Path):
    cache = EmbeddingCache(tmp_path)
    cache.values("fake", ["a text"], FakeEncoder().encode)
    for pack in (tmp_path / "fake").glob("*.npz"):
        pack.write_bytes(b"not a pack")
    encoder = FakeEncoder()
    cache.values("fake", ["a text"], encoder.encode)
    assert encoder.encoded == ["a text"]


def test_entries_are_keyed_by_content_hash():
    assert text_key("余热") == text_key("余热")
    assert text_key("余热") != text_key("余热 ")


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"MATCHFAIR_CACHE": "/c"}, Path("/c")),
        ({"MATCHFAIR_HOME": "/h"}, Path("/h/cache")),
        ({}, Path.home() / ".matchfair" / "cache"),
    ],
)
def test_default_cache_location(monkeypatch: pytest.MonkeyPatch, environment, expected):
    monkeypatch.delenv("MATCHFAIR_CACHE", raising=False)
    monkeypatch.delenv("MATCHFAIR_HOME", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert default_cache_dir() == expected


def test_a_process_reads_each_pack_from_disk_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    texts = ["Abwärme", "余热"]
    first = EmbeddingCache(tmp_path).values("fake", texts, FakeEncoder().encode)

    def unread(*args, **kwargs):
        raise AssertionError("a pack was read from disk again")

    monkeypatch.setattr(cache_module.np, "load", unread)
    encoder = FakeEncoder()
    again = EmbeddingCache(tmp_path).values("fake", texts, encoder.encode)
    assert encoder.encoded == []
    assert np.array_equal(first, again)


def test_a_pack_another_process_added_is_read(tmp_path: Path):
    mine = EmbeddingCache(tmp_path)
    mine.values("fake", ["Abwärme"], FakeEncoder().encode)
    EmbeddingCache(tmp_path).values("fake", ["余热"], FakeEncoder().encode)
    encoder = FakeEncoder()
    mine.values("fake", ["Abwärme", "余热"], encoder.encode)
    assert encoder.encoded == []
