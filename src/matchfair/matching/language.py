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

lingua's cost grows with the number of languages it weighs (about 2 ms a text
among all 75, a sixth of that among ten). An event is written in a handful of
languages, so a *survey* of up to ``SURVEY`` of its long texts, chosen by content
hash, is read among all languages, and the other long texts among the languages
the survey found. An event of up to ``SURVEY`` long texts is thus read exactly as
text by text; in a larger one, a language with fewer texts than about one in
``SURVEY`` may go unseen by the survey and its texts be given the nearest language
it found.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from importlib.metadata import version

import numpy as np
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from matchfair.matching.cache import EmbeddingCache, NoCache, text_key

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
    return f"lingua-{version('lingua-language-detector')}-low-script-{READ}"


_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")
_ANY_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


#: Texts whose script a process remembers: the job worker meets an event's texts again
#: at every refresh (about 40 MB at most).
SCRIPT_MEMO = 100_000


@lru_cache(maxsize=SCRIPT_MEMO)
def by_script(text: str) -> str | None:
    """Chinese, Japanese or Korean when those scripts are most of the letters, else None.

    Every run reads all of an event's texts again (the disk cache keeps only what
    lingua found), so a text without a character of those scripts is let go after
    one scan, and a process remembers the answers for the texts it has seen.
    """
    if not _ANY_CJK.search(text):
        return None
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

#: Long texts read among all languages, to find the languages of the event.
SURVEY = 1000

#: Characters read of a text: a paragraph tells its language as well as a page.
READ = 400


def _among(among: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({str(code) for code in among} - {UNKNOWN}))


def _detect_beginnings(among: tuple[str, ...]) -> Callable[[list[str]], np.ndarray]:
    return lambda texts: detect([text[:READ] for text in texts], among=among)


def languages_of(texts: Sequence[str], cache: EmbeddingCache | NoCache) -> list[str]:
    """Detected languages of ``texts``, the long ones through the cache, short ones in context.

    The survey's languages do not depend on the event, so they are cached alone;
    the others are cached under the set of languages they were told among.
    """
    distinct = list(dict.fromkeys(texts))
    found = {text: code for text in distinct if (code := by_script(text)) is not None}
    long = [text for text in distinct if text not in found and len(text) >= SHORT]
    surveyed = set(sorted(long, key=text_key)[:SURVEY])
    survey = [text for text in long if text in surveyed]
    found.update(
        zip(survey, cache.values(detector_key(), survey, _detect_beginnings(())), strict=True)
    )
    context = _among(found.values())
    rest = [text for text in long if text not in surveyed]
    if rest:
        namespace = f"{detector_key()}-among-{'-'.join(context)}"
        found.update(
            zip(rest, cache.values(namespace, rest, _detect_beginnings(context)), strict=True)
        )
    short = [text for text in distinct if text not in found]
    found.update(zip(short, detect(short, among=context), strict=True))
    return [str(found[text]) for text in texts]
