"""Languages in the directory: names in the reader's language (babel's CLDR data) and the
language each opportunity is written in.

The participant pages and the organizer's list of opportunities both name languages and
countries, and two page apps never import each other, so the names live here, beside
the rows they describe.
"""

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils import translation

from matchfair.matching import EmbeddingCache, default_cache_dir
from matchfair.matching.language import languages_of
from matchfair.web.directory.models import Opportunity


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
    """ "China" for "CN" when reading English, "中国" when reading Chinese; "" for ""."""
    if not code:
        return ""
    return _reader()[1].get(code.upper(), code)


def opportunity_text(opportunity: Opportunity) -> str:
    """What an opportunity's language is told from: its title and description together."""
    return f"{opportunity.title}\n{opportunity.description or ''}"


def written_in(opportunities: list[Opportunity]) -> dict[int, str]:
    """The language (ISO 639-1, "" when too short to tell) of each opportunity, by id.

    Told as the matching engine tells them: short texts among the languages of the
    longer ones, each text detected once and kept in the embedding cache, so a list
    page re-reads the event's languages in milliseconds after its first visit.
    """
    texts = [opportunity_text(opportunity) for opportunity in opportunities]
    found = languages_of(texts, EmbeddingCache(default_cache_dir()))
    return {opportunity.pk: code for opportunity, code in zip(opportunities, found, strict=True)}
