"""Stored organizations and opportunities the event file refuses: named by organization and
field, not a raw traceback.

Every way in validates with the ``core`` rules (``directory.validation``), but an old
database or the admin can still hold a value the core refuses (``dk`` as a language).
Reading the event out as ``core`` objects then raises pydantic's ``ValidationError``,
which names neither the organization nor where to fix it; ``from_database`` turns it
into a ``StoredDataError`` (``events.stored_data``, which also names sessions and
interpreters) that the pages, the jobs and the command line show as it is.
"""

from django.utils.translation import gettext as _
from pydantic import ValidationError

from matchfair.web.events.stored_data import StoredDataError, StoredRow, issues


def organization_error(
    error: ValidationError, *, name: str, event_id: int, participation_id: int
) -> StoredDataError:
    """``name: field: problem`` for each problem, and where to fix it."""
    found = issues(error)
    lines = [
        f"{name}: {field}: {message}" if field else f"{name}: {message}" for field, message in found
    ]
    return StoredDataError(
        _("%(problems)s. Fix it on the organization's edit page.") % {"problems": "; ".join(lines)},
        event_id=event_id,
        row=StoredRow.ORGANIZATION,
        row_id=participation_id,
        fields=[field for field, _message in found],
    )


def opportunity_error(
    error: ValidationError, *, name: str, title: str, event_id: int, participation_id: int
) -> StoredDataError:
    """The organization, the opportunity's title, the field and the problem."""
    found = issues(error)
    lines = [f"{name}: “{title}”: {field}: {message}" for field, message in found]
    return StoredDataError(
        _("%(problems)s. Fix it on the organization's opportunities.")
        % {"problems": "; ".join(lines)},
        event_id=event_id,
        row=StoredRow.ORGANIZATION,
        row_id=participation_id,
        fields=[field for field, _message in found],
    )
