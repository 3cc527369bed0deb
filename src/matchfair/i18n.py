"""Gettext for the framework-free layers.

The command line and the engines speak through the ``matchfair`` gettext domain so
that their messages can be translated with the same catalogs as the web pages; the
language follows the usual ``LANGUAGE``/``LC_ALL``/``LANG`` environment variables.
"""

import gettext as _gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
_translation = _gettext.translation("matchfair", localedir=LOCALE_DIR, fallback=True)


def gettext(message: str) -> str:
    """Translate ``message`` into the user's language (unchanged when no catalog matches)."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on the number ``n``."""
    return _translation.ngettext(singular, plural, n)
