"""The event's accent colour: only #RRGGBB, and text on it that reads (white or black by luminance)."""

import pytest
from django.core.exceptions import ValidationError

from matchfair.web.events.colours import (
    BLACK,
    DEFAULT_ACCENT,
    WHITE,
    accent_or_default,
    contrast_ratio,
    relative_luminance,
    text_on,
    validate_accent,
)


@pytest.mark.parametrize("value", ["#0B6BCB", "#ffcc00", "#000000"])
def test_six_hex_digits_are_a_colour(value):
    validate_accent(value)


@pytest.mark.parametrize(
    "value", ["0b6bcb", "#0b6", "#0b6bcbff", "#gggggg", "red", "#0b6bcb;}", "", " #0b6bcb"]
)
def test_anything_else_is_refused_with_the_expected_form(value):
    with pytest.raises(ValidationError, match="#RRGGBB"):
        validate_accent(value)


def test_luminance_and_contrast_follow_wcag():
    assert relative_luminance(BLACK) == 0
    assert relative_luminance(WHITE) == pytest.approx(1)
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)


@pytest.mark.parametrize(
    ("accent", "text"),
    [
        (DEFAULT_ACCENT, WHITE),
        ("#ffcc00", BLACK),  # a pale yellow
        ("#00ff00", BLACK),
        ("#8b0000", WHITE),  # a dark red
        ("#757575", WHITE),  # the last grey where white still reads better
        ("#767676", BLACK),
    ],
)
def test_the_text_on_the_accent_is_the_more_readable_of_white_and_black(accent, text):
    assert text_on(accent) == text
    other = BLACK if text == WHITE else WHITE
    assert contrast_ratio(accent, text) > contrast_ratio(accent, other)


def test_a_stored_value_that_is_no_colour_falls_back_to_the_sites_accent():
    assert accent_or_default("#FFCC00") == "#ffcc00"
    assert accent_or_default("red;background:url(x)") == DEFAULT_ACCENT
    assert accent_or_default("") == DEFAULT_ACCENT
