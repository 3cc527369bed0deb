"""Which language each text is written in.

Scoring needs it twice: to remove each language's own direction from the vectors
(``dense.py``), and to let only the encoders that read both languages of a pair
judge it. People see it too, next to every title. lingua reads 75 languages, ships
its models in the package, and in low-accuracy mode loads in a second and agrees
with its full mode on texts of a sentence or more, which is what opportunities are.
A search query of three words is another matter (Danish reads as Norwegian,
Spanish as Basque), so a query is told among the languages of the event it
searches, the likeliest by far.
"""

from collections.abc import Iterable, Sequence
from functools import cache
from importlib.metadata import version

import numpy as np
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from matchfair.matching.cache import EmbeddingCache, NoCache

#: The code stored for a text whose language could not be told (too short, digits only).
UNKNOWN = ""


@cache
def _detector(among: tuple[str, ...] = ()) -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in among]
    if len(languages) < 2:
        return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detector_key() -> str:
    """The cache namespace of detected languages (changes with lingua's version)."""
    return f"lingua-{version('lingua-language-detector')}-low"


def detect(texts: Sequence[str], among: Iterable[str] = ()) -> np.ndarray:
    """The ISO 639-1 code of each text, or ``UNKNOWN``; ``among`` narrows the choice."""
    found = _detector(tuple(sorted(set(among) - {UNKNOWN}))).detect_languages_in_parallel_of(
        list(texts)
    )
    codes = [language.iso_code_639_1.name.lower() if language else UNKNOWN for language in found]
    return np.array(codes, dtype="<U3")


def languages_of(texts: Sequence[str], cache: EmbeddingCache | NoCache) -> list[str]:
    """Detected languages of ``texts``, through the cache."""
    return [str(code) for code in cache.values(detector_key(), texts, detect)]
