"""Ids and names are one line of text: no control characters, no line breaks, no bidi overrides.

They end up where a line break is structure, not text: HTTP headers and download file
names (``nordic-2024.json``), e-mail subjects ("Your invitation to <event name>"),
calendar entries. A CR or LF there breaks the header (the web answered 500 for every
download of an event whose id came from a file with one), and a right-to-left
override (U+202E) makes ``invoice<U+202E>fdp.exe`` read as ``invoiceexe.pdf``. So they are
refused where the text enters: in the file formats here, and in the web forms.

Refused: the C0 and C1 control characters (NUL, TAB, CR, LF, DEL, ...), the Unicode
line and paragraph separators, and the bidi embeddings, overrides and isolates. The
invisible marks that right-to-left names need (LRM, RLM, ALM) and joiners stay allowed.
"""

import re
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from matchfair.i18n import gettext as _

_FORBIDDEN_CLASS = r"\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069"
FORBIDDEN = re.compile(f"[{_FORBIDDEN_CLASS}]")
# The same rule for the JSON Schema (``matchfair schema event``).
ONE_LINE_PATTERN = f"^[^{_FORBIDDEN_CLASS}]*$"


def control_character(text: str) -> str | None:
    """The first character of ``text`` that an id or a name may not hold, as ``U+000D``."""
    found = FORBIDDEN.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def as_one_line(text: str) -> str:
    """``text`` with each refused character made a space: for text stored before the rule
    (an e-mail subject naming an old event), where a line break cannot go."""
    return FORBIDDEN.sub(" ", text)


def _refusal() -> str:
    return _("contains the control character {code}; ids and names must be one line")


def one_line_message(code: str) -> str:
    """The refusal, in the reader's language: which character, and that it cannot stay."""
    return _refusal().format(code=code)


def _one_line(value: str) -> str:
    code = control_character(value)
    if code is not None:
        raise PydanticCustomError("control_character", _refusal(), {"code": code})
    return value


OneLine = Annotated[
    str, Field(json_schema_extra={"pattern": ONE_LINE_PATTERN}), AfterValidator(_one_line)
]
