"""Which language each text is written in.

Scoring needs it twice: to remove each language's own direction from the vectors
(``dense.py``), and to let only the encoders that read both languages of a pair
judge it. People see it too, next to every title. lingua reads 75 languages, ships
its models in the package, and in low-accuracy mode loads in a second and agrees
with its full mode on texts of a sentence or more, which is what opportunities are.
A text of a few words is another matter (Danish reads as Norwegian, Spanish as
Basque, "Hello world" as Sesotho), so short texts and search queries are told among
the languages of the event's longer texts, the likeliest by far.

Texts written mostly in Chinese characters, kana or hangul are told by their script
alone, which is both faster (half of a Chengdu event's texts) and right where the
statistical model stumbles on Latin acronyms inside Chinese (``NB-IoT、LoRa模组``).
"""

import re
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
    return f"lingua-{version('lingua-language-detector')}-low-script"


_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")


def by_script(text: str) -> str | None:
    """Chinese, Japanese or Korean when those scripts are most of the letters, else None."""
    letters = len(_LETTER.findall(text))
    kana, han, hangul = (len(pattern.findall(text)) for pattern in (_KANA, _HAN, _HANGUL))
    if not letters:
        return None
    # One character of these scripts carries about a syllable, three Latin letters.
    others = letters - kana - han - hangul
    if hangul * 3 > others + kana + han:
        return "ko"
    if (kana + han) * 3 > others + hangul:
        return "ja" if kana else "zh"
    return None


def detect(texts: Sequence[str], among: Iterable[str] = ()) -> np.ndarray:
    """The ISO 639-1 code of each text, or ``UNKNOWN``; ``among`` narrows the choice."""
    codes = [by_script(text) for text in texts]
    rest = [index for index, code in enumerate(codes) if code is None]
    detector = _detector(tuple(sorted(set(among) - {UNKNOWN})))
    found = detector.detect_languages_in_parallel_of([texts[index] for index in rest])
    for index, language in zip(rest, found, strict=True):
        codes[index] = language.iso_code_639_1.name.lower() if language else UNKNOWN
    return np.array(codes, dtype="<U3")


#: Texts shorter than this are told among the languages of the longer ones.
SHORT = 60


def languages_of(texts: Sequence[str], cache: EmbeddingCache | NoCache) -> list[str]:
    """Detected languages of ``texts``: long ones through the cache, short ones in context."""
    long = [text for text in texts if len(text) >= SHORT]
    found = dict(zip(long, cache.values(detector_key(), long, detect), strict=True))
    context = {str(code) for code in found.values()}
    short = [text for text in dict.fromkeys(texts) if len(text) < SHORT]
    found.update(zip(short, detect(short, among=context), strict=True))
    return [str(found[text]) for text in texts]
