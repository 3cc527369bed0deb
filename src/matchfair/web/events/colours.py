"""An event's accent colour: its check, the site's default, and a readable text colour on it.

Mails show the event's colour in their header and button (mail readers ignore style
sheets, so the colour is written into each element). The organizer picks any colour,
so the text on it is chosen by contrast: white or black, whichever contrasts more with
the colour by WCAG 2's relative luminance, so a pale yellow gets black text and a dark
blue white text.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_ACCENT = "#0b6bcb"
"""The site's accent (``--accent`` of matchfair.css)."""
WHITE = "#ffffff"
BLACK = "#000000"

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def validate_accent(value: str) -> None:
    """Refuse anything but ``#RRGGBB``: the colour is written into the mails' HTML."""
    if not isinstance(value, str) or not _HEX.fullmatch(value):
        raise ValidationError(
            _("Enter a colour as #RRGGBB (for example #0b6bcb)."), code="invalid_colour"
        )


def accent_or_default(value: str) -> str:
    """``value`` when it is a colour, else the site's accent: a row written around the checks
    (a script, the shell) never breaks the mails."""
    return value.lower() if isinstance(value, str) and _HEX.fullmatch(value) else DEFAULT_ACCENT


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of ``#RRGGBB``: 0 for black, 1 for white."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(colour: str) -> str:
    """White or black, whichever reads better on ``colour``."""
    return WHITE if contrast_ratio(colour, WHITE) >= contrast_ratio(colour, BLACK) else BLACK
