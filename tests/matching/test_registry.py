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
from matchfair.matching.routing import RoutedEncoder


def _types(spec: str, count: int = 10) -> list[type]:
    return [type(encoder) for encoder in choose_encoders(spec, count)]


def test_auto_uses_both_offline_encoders_for_an_event_of_ordinary_size():
    assert _types("auto", AUTO_ENSEMBLE_MAX_TEXTS) == [UseEncoder, E5Encoder]


def test_auto_routes_what_use_cannot_read_to_e5_in_a_large_directory():
    (encoder,) = choose_encoders("auto", AUTO_ENSEMBLE_MAX_TEXTS + 1)
    assert isinstance(encoder, RoutedEncoder)
    assert isinstance(encoder.primary, UseEncoder)
    assert isinstance(encoder.reader, E5Encoder)
    assert "fi" not in encoder.primary.languages


def test_a_slash_routes_one_member_to_another():
    (encoder,) = choose_encoders("use / fake", 10)
    assert isinstance(encoder, RoutedEncoder)
    assert (type(encoder.primary), type(encoder.reader)) == (UseEncoder, FakeEncoder)


def test_members_join_with_plus():
    assert _types("use + fake") == [UseEncoder, FakeEncoder]


def test_st_takes_any_model_name():
    (encoder,) = choose_encoders("st:org/some-model", 10)
    assert isinstance(encoder, SentenceTransformerEncoder)
    assert encoder.model == "org/some-model"
    assert encoder.key == "st-org/some-model"


@pytest.mark.parametrize("spec", ["bert", "use+", "st:", "", "use/", "/e5"])
def test_an_unknown_or_empty_name_is_refused(spec: str):
    with pytest.raises(EncoderSpecError):
        choose_encoders(spec, 10)


def test_an_encoder_with_a_model_is_made_once_per_process_and_kept_loaded():
    (first,) = choose_encoders("use/e5", 10)
    (again,) = choose_encoders("e5", 10)
    (use,) = choose_encoders("auto", AUTO_ENSEMBLE_MAX_TEXTS + 1)
    assert first.reader is again
    assert first.primary is use.primary
    assert choose_encoders("st:org/some-model", 10)[0] is choose_encoders("st:org/some-model", 3)[0]


def test_the_fake_encoder_is_never_shared():
    assert choose_encoders("fake", 10)[0] is not choose_encoders("fake", 10)[0]
