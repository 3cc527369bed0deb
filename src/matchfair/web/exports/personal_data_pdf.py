"""The readable copy of a person's data: the JSON document laid out as a PDF.

The same document as the JSON download (``personal_data.personal_data``), section
by section with translated headings, so a person who does not read JSON can check
what is held; WeasyPrint with the agendas' CJK-safe font stack prints Chinese names
and messages with their own glyphs.
"""

import json
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from weasyprint import HTML

from matchfair.web.exports.personal_data import Row

TITLES: dict[str, Promise] = {
    "account": _("Account and settings"),
    "notifications": _("Notifications"),
    "mails": _("E-mails to you"),
    "audit_entries": _("What the audit trail records you did"),
    "profile": _("Profile"),
    "opportunities": _("Opportunities"),
    "requests_sent": _("Meeting requests sent"),
    "requests_received": _("Meeting requests received"),
    "meetings": _("Meetings"),
    "cancellations": _("Cancellations"),
    "presence": _("Presence at meetings"),
    "badges": _("Badges"),
    "check_ins": _("Check-ins"),
    "waitlist_places": _("Waitlist places"),
    "sign_ups": _("Programme sign-ups"),
    "feedback": _("Feedback"),
    "agreements": _("Agreements"),
    "conversations": _("Conversations and messages"),
}


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[list[tuple[str, str]]]


def _text(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, indent=1)


def _section(name: str, rows: list[Row]) -> Section:
    return Section(
        str(TITLES.get(name, name)),
        [[(key, _text(value)) for key, value in item.items()] for item in rows],
    )


def personal_data_pdf(document: Row) -> bytes:
    """The document as a PDF: the account and the person's rows, then each event's."""
    person = [_section("account", [document["account"]])] + [
        _section(name, document[name]) for name in ("notifications", "mails", "audit_entries")
    ]
    events = [
        (
            entry["event"]["name"],
            [_section(name, rows) for name, rows in entry.items() if name != "event"],
        )
        for entry in document["participations"]
    ]
    html = render_to_string(
        "exports/personal_data.html",
        {
            "document": document,
            "person": person,
            "events": events,
            "language": translation.get_language(),
        },
    )
    return HTML(string=html).write_pdf()
