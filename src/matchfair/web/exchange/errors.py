"""Stored rows the event file refuses: named by organization and field, not a raw traceback.

Every way in validates with the ``core`` rules (``directory.validation``), but an old
database or the admin can still hold a value the core refuses (``dk`` as a language).
Reading the event out as ``core`` objects then raises pydantic's ``ValidationError``,
which names neither the organization nor where to fix it; ``from_database`` turns it
into a ``StoredDataError`` that the pages, the jobs and the command line show as it is.
"""

from django.utils.translation import gettext as _
from pydantic import ValidationError


class StoredDataError(ValueError):
    """A stored row the event file refuses; ``event_id`` and ``participation_id`` point at
    the organization's edit page."""

    def __init__(
        self, message: str, *, event_id: int, participation_id: int, fields: list[str]
    ) -> None:
        super().__init__(message)
        self.event_id = event_id
        self.participation_id = participation_id
        self.fields = fields


def _issues(error: ValidationError) -> list[tuple[str, str]]:
    """Each problem as (field, message); the field is the first part of pydantic's location."""
    return [
        (str(issue["loc"][0]) if issue["loc"] else "", str(issue["msg"]))
        for issue in error.errors()
    ]


def organization_error(
    error: ValidationError, *, name: str, event_id: int, participation_id: int
) -> StoredDataError:
    """``name: field: problem`` for each problem, and where to fix it."""
    issues = _issues(error)
    lines = [
        f"{name}: {field}: {message}" if field else f"{name}: {message}"
        for field, message in issues
    ]
    return StoredDataError(
        _("%(problems)s. Fix it on the organization's edit page.") % {"problems": "; ".join(lines)},
        event_id=event_id,
        participation_id=participation_id,
        fields=[field for field, _message in issues],
    )


def opportunity_error(
    error: ValidationError, *, name: str, title: str, event_id: int, participation_id: int
) -> StoredDataError:
    """The organization, the opportunity's title, the field and the problem."""
    issues = _issues(error)
    lines = [f"{name}: “{title}”: {field}: {message}" for field, message in issues]
    return StoredDataError(
        _("%(problems)s. Fix it on the organization's opportunities.")
        % {"problems": "; ".join(lines)},
        event_id=event_id,
        participation_id=participation_id,
        fields=[field for field, _message in issues],
    )
