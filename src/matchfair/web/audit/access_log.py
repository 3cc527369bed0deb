"""The access log: who took personal data out of Matchfair, and when.

Data protection law (the GDPR, China's PIPL) asks an organizer to know where the
personal data of an event went. Every way out that carries names, e-mail addresses
or phone numbers (the Excel workbook, the event file, the badges, the API's
contacts, a person's own download) records an entry here, in the event's one audit
trail, so the organizer reads it beside the changes. Reads are logged, not refused:
the rules of who may export stay where they are.
"""

from django.db import models

from matchfair.web import stored_text
from matchfair.web.audit.models import AuditEntry
from matchfair.web.audit.services import record

WORKBOOK = "export.workbook"
EVENT_FILE = "export.event-file"
BADGES = "export.badges"
CONTACTS = "export.api-contacts"
PERSONAL_DATA = "export.personal-data"


def _summaries() -> dict[str, stored_text.Stored]:
    return {
        WORKBOOK: stored_text.gettext("Excel workbook downloaded"),
        EVENT_FILE: stored_text.gettext("Event file exported"),
        BADGES: stored_text.gettext("Badges PDF downloaded"),
        CONTACTS: stored_text.gettext("Contacts read through the API"),
        PERSONAL_DATA: stored_text.gettext("A person's own data downloaded"),
    }


def record_export(
    *,
    event: models.Model,
    action: str,
    subject: models.Model | None = None,
    detail: dict[str, str] | None = None,
) -> AuditEntry:
    """Note that the current actor (the request's user; none for a command) exported ``action``.

    ``subject`` is the row read (a participation for one organization's contacts);
    the event itself when the export covers all of it. ``detail`` says how (the API
    path, ``"command line"``).
    """
    summaries = _summaries()
    if action not in summaries:
        raise ValueError(f"not an export of personal data: {action}")
    return record(event, action, subject or event, summaries[action], detail=detail)
