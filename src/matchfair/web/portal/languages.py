"""Languages on the participant pages: names in the reader's language (babel's CLDR data), and
the language a profile or opportunity is written in."""

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils import translation

from matchfair.matching.language import detect


@lru_cache(maxsize=16)
def _names(code: str) -> tuple[dict[str, str], dict[str, str]]:
    """Language and territory names of one interface language, read from CLDR once per
    process: the catalog page names a country some 300 times, and each babel lookup
    costs tens of microseconds. CLDR data never changes while the process runs."""
    try:
        locale = Locale.parse("zh_Hans" if code.lower() == "zh_hans" else code)
    except (ValueError, UnknownLocaleError):
        locale = Locale("en")
    return dict(locale.languages), dict(locale.territories)


def _reader() -> tuple[dict[str, str], dict[str, str]]:
    return _names((translation.get_language() or "en").replace("-", "_"))


def language_name(code: str) -> str:
    """ "German" for "de" when reading English, "德语" when reading Chinese; "" for ""."""
    if not code:
        return ""
    return _reader()[0].get(code, code)


def country_name(code: str) -> str:
    if not code:
        return ""
    return _reader()[1].get(code.upper(), code)


def detected_language(text: str) -> str:
    """The language a text is written in (ISO 639-1), or "" when too short to tell."""
    return str(detect([text])[0]) if text.strip() else ""
