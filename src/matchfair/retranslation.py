"""Engine text written in one language, read in another.

The engines explain themselves in plain text (why a meeting is unscheduled, why a
partner is recommended) and that text is stored as written: in a schedule file, in
the web database. One stored reason is then read by people of several languages.
``retranslate`` finds which ``matchfair`` catalog message, with which values,
produced a text (in English or in any catalog's language) and writes the same
message in the reader's language. A text no message produced comes back unchanged.

Values are kept as written (an organization id, a title, slot times), except the
values of the placeholders in ``NESTED_PLACEHOLDERS``, which hold messages of their
own, and the parts of a list joined by a connector message such as
``"{first}; {second}"`` (one whose own text is only punctuation), whose every part
must itself be a message.
"""

import re
import string
from dataclasses import dataclass
from functools import cache, lru_cache

from babel.messages.mofile import read_mo

from matchfair.i18n import DOMAIN, LOCALE_DIR, translation

NESTED_PLACEHOLDERS = frozenset({"details", "times"})
"""Placeholders whose value is itself a message (a list of reasons, 'X and 4 more')."""


@dataclass(frozen=True)
class _Template:
    msgid: str
    pattern: re.Pattern[str]
    prefix: str
    suffix: str
    literal_length: int
    connector: bool


@dataclass(frozen=True)
class _Message:
    msgid: str
    values: dict[str, "_Message | str"]


def _template(msgid: str, text: str) -> _Template | None:
    """A pattern recovering the values of ``text`` (``msgid`` or one of its translations)."""
    parts = []
    literals = []
    seen: set[str] = set()
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return None
    for literal, name, spec, conversion in fields:
        literals.append(literal)
        parts.append(re.escape(literal))
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            return None
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
    if not seen:
        return None
    literal_text = "".join(literals)
    return _Template(
        msgid=msgid,
        pattern=re.compile("".join(parts), re.DOTALL),
        prefix=fields[0][0],
        suffix=fields[-1][0] if fields[-1][1] is None else "",
        literal_length=len(literal_text),
        connector=not any(character.isalnum() for character in literal_text),
    )


@cache
def _catalog_texts() -> tuple[dict[str, str], tuple[_Template, ...]]:
    """Every message text of every catalog, mapped to its msgid; and their templates."""
    exact: dict[str, str] = {}
    templates: list[_Template] = []
    for compiled in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")):
        with compiled.open("rb") as file:
            catalog = read_mo(file)
        for message in catalog:
            if not message.id or not isinstance(message.id, str):
                continue
            for text in {message.id, message.string or message.id}:
                exact.setdefault(text, message.id)
                template = _template(message.id, text)
                if template is not None:
                    templates.append(template)
    unique = {(t.msgid, t.pattern.pattern): t for t in templates}.values()
    ordered = sorted(unique, key=lambda t: (not t.connector, -t.literal_length))
    return exact, tuple(ordered)


def _read(text: str) -> _Message | None:
    """The message that produced ``text``, or None.

    Connectors come first and only when every part is a message, so that 'A is
    booked at X; all tables are taken at Y' reads as a list of two reasons.
    """
    exact, templates = _catalog_texts()
    if text in exact:
        return _Message(exact[text], {})
    for template in templates:
        if not (text.startswith(template.prefix) and text.endswith(template.suffix)):
            continue
        match = template.pattern.fullmatch(text)
        if match is None:
            continue
        values: dict[str, _Message | str] = {}
        for name, value in match.groupdict().items():
            if template.connector:
                part = _read(value)
                if part is None:
                    break
                values[name] = part
            elif name in NESTED_PLACEHOLDERS:
                values[name] = _read(value) or value
            else:
                values[name] = value
        else:
            return _Message(template.msgid, values)
    return None


def _write(message: _Message, language: str) -> str:
    values = {
        name: value if isinstance(value, str) else _write(value, language)
        for name, value in message.values.items()
    }
    text = translation(language).gettext(message.msgid)
    return text.format(**values) if values else text


@lru_cache(maxsize=4096)
def retranslate(text: str, language: str) -> str:
    """``text``, written by the engines in any catalog language, in ``language``."""
    message = _read(text)
    if message is None:
        return text
    try:
        return _write(message, language)
    except (KeyError, IndexError, ValueError):
        return text
