"""Interpreters from a spreadsheet: one row each, every row or none.

The sheet is the workbook export's "Interpreters" sheet (id, languages, available
times), so an exported list can be edited and imported again: a row whose id the event
has changes that interpreter, any other row adds one. Each row goes through the pages'
own domain functions (``meetings.domain.interpreters``), so the sheet is refused for
what a page refuses, with the row, the column and the same words; one refused row
leaves the event as it was.
"""

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matchfair.web.directory.spreadsheets.importing import RowIssue, SpreadsheetImportError
from matchfair.web.directory.spreadsheets.reading import Table
from matchfair.web.directory.spreadsheets.windows import parse_windows
from matchfair.web.events.models import Event, Interpreter
from matchfair.web.meetings.domain.interpreters import (
    InterpreterRuleError,
    add_interpreter,
    change_interpreter,
)

LIST_SEPARATOR = re.compile(r"\s*[;,，、]\s*")
COLUMNS: dict[str, tuple[Promise, tuple[str, ...]]] = {
    "code": (gettext_lazy("Interpreter id"), ("interpreter id", "interpreter", "id", "code")),
    "languages": (
        gettext_lazy("Languages"),
        ("languages", "language", "sprachen", "langues", "语言"),
    ),
    "availability": (
        gettext_lazy("Available times"),
        ("available times", "availability", "verfügbarkeit", "disponibilités", "可用时间"),
    ),
}


@dataclass(frozen=True)
class InterpreterImport:
    added: int
    changed: int


def _columns(headers: list[str]) -> dict[str, int]:
    normal = [re.sub(r"[\s_\-]+", " ", header.strip().casefold()) for header in headers]
    found: dict[str, int] = {}
    for key, (label, names) in COLUMNS.items():
        for name in (str(label).casefold(), *names):
            if name in normal:
                found[key] = normal.index(name)
                break
    return found


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


@transaction.atomic
def import_interpreters(event: Event, table: Table) -> InterpreterImport:
    """Add or change the sheet's interpreters; raise ``SpreadsheetImportError`` listing
    every refused row (and write nothing) when any is refused."""
    columns = _columns(table.headers)
    missing = [key for key in ("code", "languages") if key not in columns]
    if missing:
        raise SpreadsheetImportError(
            [RowIssue(1, str(COLUMNS[key][0]), _("no column has this heading")) for key in missing]
        )
    zone = ZoneInfo(event.timezone)
    issues: list[RowIssue] = []
    seen: dict[str, int] = {}
    added = changed = 0
    for row, cells in table.rows:
        code = _cell(cells, columns["code"])
        if code in seen:
            issues.append(
                RowIssue(
                    row,
                    str(COLUMNS["code"][0]),
                    _("“%(id)s” is in row %(first)d already") % {"id": code, "first": seen[code]},
                )
            )
            continue
        seen[code] = row
        languages = [p for p in LIST_SEPARATOR.split(_cell(cells, columns["languages"])) if p]
        try:
            windows = parse_windows(_cell(cells, columns.get("availability")), zone)
        except ValueError as error:
            issues.append(RowIssue(row, str(COLUMNS["availability"][0]), str(error)))
            continue
        existing = Interpreter.objects.filter(event=event, code=code).first()
        try:
            with transaction.atomic():
                if existing is None:
                    add_interpreter(
                        event=event, code=code, languages=languages, availability=windows
                    )
                    added += 1
                else:
                    change_interpreter(
                        interpreter=existing,
                        code=code,
                        languages=languages,
                        availability=windows,
                    )
                    changed += 1
        except InterpreterRuleError as error:
            for field, messages in error.errors.items():
                label = str(COLUMNS[field][0]) if field in COLUMNS else str(COLUMNS["code"][0])
                issues.extend(RowIssue(row, label, message) for message in messages)
    if issues:
        raise SpreadsheetImportError(issues)
    return InterpreterImport(added=added, changed=changed)
