"""Choosing encoders from configuration strings."""

import pytest

from matchfair.matching import (
    E5Encoder,
    EncoderSpecError,
    FakeEncoder,
    SentenceTransformerEncoder,
    UseEncoder,
    choose_encoders,
)
from matchfair.matching.registry import AUTO_ENSEMBLE_MAX_TEXTS


def _types(spec: str, count: int = 10) -> list[type]:
    return [type(encoder) for encoder in choose_encoders(spec, count)]


def test_auto_uses_both_offline_encoders_for_an_event_of_ordinary_size():
    assert _types("auto", AUTO_ENSEMBLE_MAX_TEXTS) == [UseEncoder, E5Encoder]


def test_auto_uses_the_fast_encoder_alone_for_a_large_directory():
    assert _types("auto", AUTO_ENSEMBLE_MAX_TEXTS + 1) == [UseEncoder]


def test_members_join_with_plus():
    assert _types("use + fake") == [UseEncoder, FakeEncoder]


def test_st_takes_any_model_name():
    (encoder,) = choose_encoders("st:org/some-model", 10)
    assert isinstance(encoder, SentenceTransformerEncoder)
    assert encoder.model == "org/some-model"
    assert encoder.key == "st-org/some-model"


@pytest.mark.parametrize("spec", ["bert", "use+", "st:", ""])
def test_an_unknown_or_empty_name_is_refused(spec: str):
    with pytest.raises(EncoderSpecError):
        choose_encoders(spec, 10)
