"""Language and country names in the reader's language (babel's CLDR data)."""

from babel import Locale, UnknownLocaleError
from django.utils import translation


def _reader() -> Locale:
    code = (translation.get_language() or "en").replace("-", "_")
    try:
        return Locale.parse("zh_Hans" if code.lower() == "zh_hans" else code)
    except (ValueError, UnknownLocaleError):
        return Locale("en")


def language_name(code: str) -> str:
    """ "German" for "de" when reading English, "德语" when reading Chinese; "" for ""."""
    if not code:
        return ""
    return _reader().languages.get(code, code)


def country_name(code: str) -> str:
    if not code:
        return ""
    return _reader().territories.get(code.upper(), code)
