"""Gettext for the framework-free layers.

The command line and the engines speak through the ``matchfair`` gettext domain so
that their messages can be translated with the same tools as the web pages; the
catalogs live in ``matchfair/locale/<locale>/LC_MESSAGES/matchfair.po`` (see
docs/translations.md). Outside any ``use_language`` block the language follows the
usual ``LANGUAGE``/``LC_ALL``/``LANG`` environment variables, as a command line
should; a web page, whose language is the request's and not the server's, wraps the
engine call in ``use_language(django.utils.translation.get_language())``, so these
layers never import Django.
"""

import gettext as _gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

DOMAIN = "matchfair"
LOCALE_DIR = Path(__file__).parent / "locale"
SIMPLIFIED_CHINESE = frozenset({"zh", "zh_CN", "zh_SG"})
_chosen: ContextVar[_gettext.NullTranslations | None] = ContextVar(
    "matchfair_language", default=None
)


def locale_name(language: str) -> str:
    """The catalog folder of a language code: ``zh-hans`` -> ``zh_Hans``, ``de-at`` -> ``de_AT``.

    Web language codes (Django's, HTTP's) and gettext's folder names spell the same
    language differently; this is Django's ``to_locale`` rule, without Django.
    """
    language, _, region = language.replace("_", "-").partition("-")
    if not region:
        return language.lower()
    region = region.title() if len(region) > 2 else region.upper()
    return f"{language.lower()}_{region}"


def _search_list(names: list[str]) -> list[str]:
    """Gettext's languages to try, where simplified-Chinese locales also find ``zh_Hans``.

    A Chinese terminal says ``zh_CN.UTF-8``; the catalog, like Django's, is ``zh_Hans``.
    """
    found = []
    for name in names:
        found.append(name)
        if name.partition(".")[0].partition("@")[0] in SIMPLIFIED_CHINESE:
            found.append("zh_Hans")
    return found


def _environment_translation() -> _gettext.NullTranslations:
    """The catalog the ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG`` variables name."""
    names: list[str] = []
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            names = value.split(":")
            break
    return _gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=_search_list([*names, "C"]), fallback=True
    )


@cache
def translation(language: str) -> _gettext.NullTranslations:
    """The ``matchfair`` catalog of ``language`` (a no-op translation when there is none).

    ``de-at`` falls back to ``de``, and English, the language of the source strings,
    needs no catalog.
    """
    return _gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=_search_list([locale_name(language)]), fallback=True
    )


_environment = _environment_translation()


@contextmanager
def use_language(language: str | None) -> Iterator[None]:
    """Translate into ``language`` within the block (``None``: the environment's language).

    The choice is a context variable, so a request served in Chinese and one served
    in German at the same moment, in two threads, each get their own language.
    """
    token = _chosen.set(translation(language) if language else None)
    try:
        yield
    finally:
        _chosen.reset(token)


def _current() -> _gettext.NullTranslations:
    chosen = _chosen.get()
    return _environment if chosen is None else chosen


def gettext(message: str) -> str:
    """Translate ``message`` into the current language (unchanged when no catalog matches)."""
    return _current().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on the number ``n``."""
    return _current().ngettext(singular, plural, n)


class Message:
    """A text kept as its catalog message and values, written in a language only when read.

    The engines explain themselves with messages, not finished text, so that one
    stored reason reads in German for one organizer and in Chinese for another. A
    value may itself be a message (a list of reasons, "X and 4 more"); ``plural``
    and the ``count`` value choose the form through ``ngettext``. ``str()`` writes it
    in the current language, as a command line or a file does; ``as_json`` and
    ``from_json`` keep it in a database.
    """

    __slots__ = ("msgid", "params", "plural")

    def __init__(
        self, msgid: str, params: dict[str, "str | int | float | Message"], plural: str = ""
    ) -> None:
        if plural and not isinstance(params.get("count"), int):
            raise ValueError(f"plural message {msgid!r} needs an integer 'count'")
        self.msgid = msgid
        self.params = params
        self.plural = plural

    def render(self, language: str | None = None) -> str:
        """The text in ``language`` (the current language when None)."""
        catalog = translation(language) if language else _current()
        values = {
            name: value.render(language) if isinstance(value, Message) else value
            for name, value in self.params.items()
        }
        if self.plural:
            text = catalog.ngettext(self.msgid, self.plural, int(self.params["count"]))
        else:
            text = catalog.gettext(self.msgid)
        return text.format(**values) if values else text

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.msgid!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and self.as_json() == other.as_json()

    __hash__ = None  # type: ignore[assignment]

    def as_json(self) -> dict[str, object]:
        """A JSON-ready form: ``{"msgid", "params", "plural"?}``, nested messages as objects."""
        data: dict[str, object] = {
            "msgid": self.msgid,
            "params": {
                name: value.as_json() if isinstance(value, Message) else value
                for name, value in self.params.items()
            },
        }
        if self.plural:
            data["plural"] = self.plural
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> "Message":
        """The message ``as_json`` wrote (a ``ValueError`` names what is wrong with another)."""
        msgid, params = data.get("msgid"), data.get("params", {})
        if not isinstance(msgid, str) or not isinstance(params, dict):
            raise ValueError(f"not a stored message: {data!r}")
        return cls(
            msgid,
            {
                name: cls.from_json(value) if isinstance(value, dict) else value
                for name, value in params.items()
            },
            str(data.get("plural", "")),
        )


def message(msgid: str, **params: "str | int | float | Message") -> Message:
    """A message to write later in its reader's language (extracted like ``gettext``)."""
    return Message(msgid, params)


def nmessage(
    singular: str, plural: str, count: int, **params: "str | int | float | Message"
) -> Message:
    """A message whose form follows ``count`` (extracted like ``ngettext``; ``{count}`` is set)."""
    return Message(singular, {**params, "count": count}, plural)
