"""Which language tag a name's script calls for, so the PDF picks the right CJK glyph forms.

Han characters are drawn differently in Chinese and Japanese; a name with kana is
Japanese, one with Hangul Korean, other Han text Chinese (the events' main case).
"""

import unicodedata


def script_language(text: str) -> str:
    """``ja``, ``ko``, ``zh`` or ``""`` (Latin and other scripts need no tag)."""
    has_han = False
    for character in text:
        name = unicodedata.name(character, "")
        if name.startswith(("HIRAGANA", "KATAKANA")):
            return "ja"
        if name.startswith("HANGUL"):
            return "ko"
        if name.startswith("CJK UNIFIED IDEOGRAPH"):
            has_han = True
    return "zh" if has_han else ""
