"""Sectors: the NACE Rev. 2 sections (a controlled, translated list) and free keywords.

Free-text sectors drifted apart ("circular economy" beside "circular-economy") and
could not be translated for a Chinese reader. An organization or opportunity now names
its sectors twice: as NACE Rev. 2 sections (the letters A to U, the classification the
Enterprise Europe Network files its profiles under), which every reader sees in their
own language, and as free keywords for what the sections are too coarse to say.
Keywords are folded on input (case, runs of spaces, hyphens and underscores) so that
two spellings of one word are one keyword.
"""

import re
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from matchfair.i18n import Message
from matchfair.i18n import gettext as _

SECTION_CODES: tuple[str, ...] = tuple("ABCDEFGHIJKLMNOPQRSTU")

_ENGLISH = {
    "A": "Agriculture, forestry and fishing",
    "B": "Mining and quarrying",
    "C": "Manufacturing",
    "D": "Electricity, gas, steam and air conditioning supply",
    "E": "Water supply; sewerage, waste management and remediation activities",
    "F": "Construction",
    "G": "Wholesale and retail trade; repair of motor vehicles and motorcycles",
    "H": "Transportation and storage",
    "I": "Accommodation and food service activities",
    "J": "Information and communication",
    "K": "Financial and insurance activities",
    "L": "Real estate activities",
    "M": "Professional, scientific and technical activities",
    "N": "Administrative and support service activities",
    "O": "Public administration and defence; compulsory social security",
    "P": "Education",
    "Q": "Human health and social work activities",
    "R": "Arts, entertainment and recreation",
    "S": "Other service activities",
    "T": (
        "Activities of households as employers; undifferentiated goods- and "
        "services-producing activities of households for own use"
    ),
    "U": "Activities of extraterritorial organisations and bodies",
}

_FOLD = re.compile(r"[\s\-_\u2010-\u2015]+")


def _translated_names() -> dict[str, str]:
    """Each section's name in the current language.

    Written out as ``_()`` calls, not looped over ``_ENGLISH``, so that xgettext finds
    every name for the catalogs.
    """
    return {
        "A": _("Agriculture, forestry and fishing"),
        "B": _("Mining and quarrying"),
        "C": _("Manufacturing"),
        "D": _("Electricity, gas, steam and air conditioning supply"),
        "E": _("Water supply; sewerage, waste management and remediation activities"),
        "F": _("Construction"),
        "G": _("Wholesale and retail trade; repair of motor vehicles and motorcycles"),
        "H": _("Transportation and storage"),
        "I": _("Accommodation and food service activities"),
        "J": _("Information and communication"),
        "K": _("Financial and insurance activities"),
        "L": _("Real estate activities"),
        "M": _("Professional, scientific and technical activities"),
        "N": _("Administrative and support service activities"),
        "O": _("Public administration and defence; compulsory social security"),
        "P": _("Education"),
        "Q": _("Human health and social work activities"),
        "R": _("Arts, entertainment and recreation"),
        "S": _("Other service activities"),
        "T": _(
            "Activities of households as employers; undifferentiated goods- and "
            "services-producing activities of households for own use"
        ),
        "U": _("Activities of extraterritorial organisations and bodies"),
    }


def section_name(code: str) -> str:
    """The name of NACE section ``code`` in the current language (KeyError when unknown)."""
    return _translated_names()[code]


def section_choices() -> list[tuple[str, str]]:
    """Every section as ``(code, "code · name")`` in the current language, A to U."""
    names = _translated_names()
    return [(code, f"{code} · {names[code]}") for code in SECTION_CODES]


def normalize_keyword(text: str) -> str:
    """One spelling per keyword: lower case, runs of spaces, hyphens and underscores one hyphen.

    "Circular Economy", "circular  economy" and "circular_economy" all become
    "circular-economy", the slug style of the format's own examples, so a file written
    that way reads back unchanged; scripts without case (Chinese) are kept as written.
    """
    return _FOLD.sub("-", text.strip()).strip("-").lower()


def normalize_keywords(keywords: list[str]) -> list[str]:
    """The keywords folded, empty ones dropped and repeats kept once, in their first order."""
    found: dict[str, None] = {}
    for keyword in keywords:
        if folded := normalize_keyword(keyword):
            found.setdefault(folded)
    return list(found)


def section_keyword(code: str) -> str:
    """The section as a sector label the engines compare: its English name, folded.

    A section shared by two organizations then weighs in matching like a keyword they
    share, and search reads the section's name as it reads any keyword.
    """
    return normalize_keyword(_ENGLISH[code])


_SECTION_OF_KEYWORD = {section_keyword(code): code for code in SECTION_CODES}


def sector_message(label: str) -> "Message | str":
    """A sector label kept for its reader: a section as its catalog message, a keyword as written.

    A stored recommendation reason then names the section in the language of whoever
    reads it, not of whoever ran the recommendations.
    """
    code = _SECTION_OF_KEYWORD.get(label)
    return label if code is None else Message(_ENGLISH[code], {})


def _section(value: str) -> str:
    code = value.strip().upper()
    if code not in SECTION_CODES:
        raise PydanticCustomError(
            "nace_section",
            _("'{value}' is not a NACE Rev. 2 section (a letter from A to U)"),
            {"value": value},
        )
    return code


def _unique(codes: list[str]) -> list[str]:
    return list(dict.fromkeys(codes))


NaceSection = Annotated[str, AfterValidator(_section)]
NaceSections = Annotated[list[NaceSection], AfterValidator(_unique)]
Keywords = Annotated[list[str], AfterValidator(normalize_keywords)]
