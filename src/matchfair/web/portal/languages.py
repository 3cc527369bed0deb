"""The language a participant's profile or opportunity is written in, shown beside it.

(Language and country names in the reader's language live in ``directory.languages``,
which the organizer's pages share.)"""

from matchfair.matching.language import detect


def detected_language(text: str) -> str:
    """The language a text is written in (ISO 639-1), or "" when too short to tell."""
    return str(detect([text])[0]) if text.strip() else ""
