"""Languages on the participant pages: names in the reader's language (from the directory,
which the organizer's pages share), and the language a profile or opportunity is written in."""

from matchfair.matching.language import detect
from matchfair.web.directory.languages import country_name, language_name

__all__ = ["country_name", "detected_language", "language_name"]


def detected_language(text: str) -> str:
    """The language a text is written in (ISO 639-1), or "" when too short to tell."""
    return str(detect([text])[0]) if text.strip() else ""
