"""Stored rows the event file refuses, named by row and field instead of a raw traceback.

Every way in validates with the ``core`` rules, but an old database or the admin can
still hold a value the core refuses (``dk`` as a language, a session that ends before
it starts). Reading such a row as a ``core`` object raises pydantic's
``ValidationError``, which names neither the row nor where to fix it. The readers turn
it into a ``StoredDataError``, which the pages, the API, the jobs and the command line
show as it is. It lives here, in the lowest app whose rows it names (sessions,
interpreters), so that ``session_from_row`` can raise it for every caller.
"""

from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import ValidationError

from matchfair import core


class StoredRow(StrEnum):
    """The kinds of row a ``StoredDataError`` points at; each has its own edit page."""

    ORGANIZATION = "organization"
    SESSION = "session"
    INTERPRETER = "interpreter"


class StoredDataError(ValueError):
    """A stored row the event file refuses: ``row`` and ``row_id`` say which row to edit,
    ``fields`` which of its fields are at fault."""

    def __init__(
        self, message: str, *, event_id: int, row: StoredRow, row_id: int, fields: list[str]
    ) -> None:
        super().__init__(message)
        self.event_id = event_id
        self.row = row
        self.row_id = row_id
        self.fields = fields


# A rule on the whole row has no field in pydantic's location: the field it is about.
WHOLE_ROW_FIELDS = {"session_order": "end", "session_fit": "slot_minutes", "window_order": "end"}


def issues(error: ValidationError) -> list[tuple[str, str]]:
    """Each problem as (field, message); the field is the first part of pydantic's location,
    or for a rule on the whole row the field that rule is about."""
    return [
        (
            str(issue["loc"][0]) if issue["loc"] else WHOLE_ROW_FIELDS.get(issue["type"], ""),
            str(issue["msg"]),
        )
        for issue in error.errors()
    ]


def _lines(name: str, found: list[tuple[str, str]]) -> str:
    return "; ".join(
        f"{name}: {field}: {message}" if field else f"{name}: {message}" for field, message in found
    )


FIX_WHERE = {
    StoredRow.ORGANIZATION: gettext_lazy("Fix it on the organization's edit page."),
    StoredRow.SESSION: gettext_lazy("Fix it on the session's edit page (Programme)."),
    StoredRow.INTERPRETER: gettext_lazy(
        "Fix it on the interpreter's page (Programme → Interpreters)."
    ),
}


def session_error(
    error: ValidationError, *, code: str, event_id: int, row_id: int
) -> StoredDataError:
    """``Session code: field: problem``, and that the session's edit page fixes it."""
    return _row_error(
        error, StoredRow.SESSION, _("Session %(code)s") % {"code": code}, event_id, row_id
    )


def interpreter_error(
    error: ValidationError, *, code: str, event_id: int, row_id: int
) -> StoredDataError:
    """``Interpreter code: field: problem``, and where interpreters are fixed."""
    return _row_error(
        error, StoredRow.INTERPRETER, _("Interpreter %(code)s") % {"code": code}, event_id, row_id
    )


def _row_error(
    error: ValidationError, row: StoredRow, name: str, event_id: int, row_id: int
) -> StoredDataError:
    found = issues(error)
    return StoredDataError(
        f"{_lines(name, found)}. {FIX_WHERE[row]}",
        event_id=event_id,
        row=row,
        row_id=row_id,
        fields=[field for field, _message in found],
    )


def stored_windows(
    stored: list[dict[str, str]] | None, *, row: StoredRow, row_id: int, event_id: int, name: str
) -> list[core.Window] | None:
    """Availability windows as stored, read with the event file's rule; a window the core
    refuses raises a ``StoredDataError`` naming ``name`` (the organization or
    interpreter) and its availability, for the pages that check a slot against it."""
    if stored is None:
        return None
    try:
        return [core.Window.model_validate(window) for window in stored]
    except ValidationError as error:
        problems = "; ".join(message for _field, message in issues(error))
        raise StoredDataError(
            f"{name}: availability: {problems}. {FIX_WHERE[row]}",
            event_id=event_id,
            row=row,
            row_id=row_id,
            fields=["availability"],
        ) from None
