"""Texts the database keeps as messages, written in the language of whoever reads them.

A notification, an audit summary, an engine's reason is read by people of several
languages, often long after it was written; so it is stored as its catalog message
and values (JSON), never as finished text, and ``render`` writes it in the current
language (the page's, the API client's, the recipient's of an e-mail) when read.

Two catalogs hold such messages. The web's (Django's, ``%(name)s`` placeholders) is
written with ``stored_text.gettext`` and ``stored_text.ngettext``: called through the
module, ``makemessages`` extracts them like Django's own. The engines' (the
``matchfair`` domain, ``{name}`` placeholders) comes as a ``matchfair.i18n.Message``,
stored with ``Message.as_json``. A value may be a message of either kind, a moment
(``moment``: written as a date in the reader's locale and time zone) or a plain
value. Rows written before messages were stored keep their text: ``render`` falls
back to it.
"""

from datetime import datetime
from typing import Any

from django.utils import translation
from django.utils.dateparse import parse_datetime

from matchfair.i18n import Message
from matchfair.web.notify.dates import moment_with_zone

Stored = dict[str, Any]
"""A message as JSON: ``{"domain": "django", "msgid", "params", "plural"?}``, or an engine's."""

WEB = "django"


def gettext(msgid: str, **params: Any) -> Stored:
    """A web message to write when read (``%(name)s`` placeholders, values as in ``params``)."""
    return {"domain": WEB, "msgid": msgid, "params": params}


def ngettext(singular: str, plural: str, count: int, **params: Any) -> Stored:
    """A web message whose form follows ``count`` (``%(count)d`` is set to it)."""
    return {
        "domain": WEB,
        "msgid": singular,
        "plural": plural,
        "params": {**params, "count": count},
    }


def sentences(parts: list[Stored]) -> Stored:
    """Sentences one after another, each join a message (Chinese joins without a space)."""
    joined = parts[-1]
    for part in reversed(parts[:-1]):
        # Translators: two sentences one after the other (Chinese needs no space between).
        joined = gettext("%(first)s %(second)s", first=part, second=joined)
    return joined


def moment(value: datetime) -> Stored:
    """A point in time as a value: a date and time in the reader's locale and time zone."""
    return {"moment": value.isoformat()}


def engine(message: Message) -> Stored:
    """An engine's message (the ``matchfair`` catalog) as stored JSON."""
    return message.as_json()


def _value(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    if "moment" in value:
        when = parse_datetime(str(value["moment"]))
        return moment_with_zone(when) if when is not None else str(value["moment"])
    return render(value)


def render(stored: Stored | str | None, fallback: str = "") -> str:
    """``stored`` written in the current language; ``fallback`` (an old row's text) without one.

    A plain string is an old row's or a file's text and comes back as it is. A message
    a catalog does not know is written in English, the language of its source.
    """
    if not stored:
        return fallback
    if isinstance(stored, str):
        return stored
    if stored.get("domain") != WEB:
        try:
            return Message.from_json(stored).render(translation.get_language() or "en")
        except (KeyError, IndexError, ValueError):
            return fallback or str(stored.get("msgid", ""))
    params = {name: _value(value) for name, value in stored.get("params", {}).items()}
    if "plural" in stored:
        text = translation.ngettext(stored["msgid"], stored["plural"], int(params["count"]))
    else:
        text = translation.gettext(stored["msgid"])
    try:
        return text % params if params else text
    except (KeyError, TypeError, ValueError):
        return fallback or stored["msgid"]


def render_all(stored: list[Stored | str] | None) -> list[str]:
    """``render`` of each item, e.g. a recommendation's reasons."""
    return [render(item) for item in stored or ()]


def render_in(language: str, stored: Stored | str | None, fallback: str = "") -> str:
    """``stored`` in ``language``, e.g. an e-mail in its recipient's language."""
    with translation.override(language):
        return render(stored, fallback)
