"""The two keys that recognise an organization's name in the directory.

- ``name_key``: the name as people mean it (compatibility forms such as full-width
  letters, case, invisible characters and runs of spaces do not count); entries with
  the same key, country and kind are the same organization;
- ``name_skeleton``: what the name looks like (Unicode's confusable characters mapped to
  one of their group, spaces dropped), so ``ТОМRА`` in Cyrillic letters has the
  skeleton of ``TOMRA``. It only ever flags, never merges: a look-alike may be a
  different organization, or an impostor.

Plain functions of a string, so that the models (which store both keys) can use them.
"""

import unicodedata
from functools import cache

from confusable_homoglyphs.confusables import confusables_data

INVISIBLE = {"Cc", "Cf"}
# NFKC may lengthen a name (one ligature becomes up to 18 letters): keys are cut here,
# the same way wherever they are computed, to fit their columns.
KEY_LENGTH = 300


def _visible(text: str) -> str:
    if text.isprintable():  # the usual name: nothing invisible to drop, checked in C
        return text
    return "".join(c for c in text if unicodedata.category(c) not in INVISIBLE or c.isspace())


def name_key(name: str) -> str:
    """The name as people mean it: NFKC, case folded, invisible characters dropped, one space."""
    return " ".join(_visible(unicodedata.normalize("NFKC", name)).casefold().split())[:KEY_LENGTH]


def directory_key(name: str, country: str, kind: str) -> tuple[str, str, str]:
    """How an organization is recognised in the directory: its name's key, country and kind."""
    return (name_key(name), country, kind)


@cache
def _prototypes() -> dict[int, str]:
    """Each confusable character mapped to one character of its group of look-alikes.

    The groups join the single-character pairs of Unicode's confusables list (as shipped
    by ``confusable_homoglyphs``); a group is named by a lower-case ASCII letter where it
    has one (``о`` and ``ο`` become ``o``, ``I`` and ``1`` become ``l``), else by the
    lower case of its ASCII capital (``О``, ``0`` and ``O`` become ``o``), else by its
    smallest character, so that the case folding after the mapping cannot split a group.
    """
    parent: dict[str, str] = {}

    def root(char: str) -> str:
        while parent.get(char, char) != char:
            char = parent[char]
        return char

    for char, glyphs in confusables_data.items():
        for glyph in glyphs:
            if len(char) == len(glyph["c"]) == 1:
                first, second = root(char), root(glyph["c"])
                if first != second:
                    parent[max(first, second)] = min(first, second)
    groups: dict[str, set[str]] = {}
    for char in list(parent):
        groups.setdefault(root(char), set()).add(char)
    prototypes: dict[int, str] = {}
    for group_root, members in groups.items():
        members.add(group_root)
        lower = sorted(c for c in members if c.isascii() and c.islower())
        upper = sorted(c for c in members if c.isascii() and c.isupper())
        name = lower[0] if lower else upper[0].lower() if upper else min(members)
        for member in members:
            prototypes[ord(member)] = name
    return prototypes


def _mapped(text: str) -> str:
    return text.translate(_prototypes())


def name_skeleton(name: str) -> str:
    """What the name looks like: look-alike characters and case made one, spaces dropped."""
    visible = _visible(unicodedata.normalize("NFKC", name))
    return "".join(_mapped(_mapped(visible).casefold()).split())[:KEY_LENGTH]
