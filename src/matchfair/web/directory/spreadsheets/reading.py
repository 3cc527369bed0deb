"""Reading an uploaded Excel or CSV file into rows of text, safely.

Spreadsheets from participants are untrusted: formulas are refused rather than
evaluated (a cell shows what was typed, not what a formula or an external link
would compute), and every problem names the row and column a person can find.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from zipfile import BadZipFile

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException


@dataclass(frozen=True)
class Table:
    """The first sheet: its header row and the data rows, each with its row number in the file."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]


class SpreadsheetError(ValueError):
    """The file cannot be read as a table; the message names the file and where."""


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


def _table(filename: str, raw_rows: list[tuple[int, list[str]]]) -> Table:
    if not raw_rows:
        raise SpreadsheetError(_("%(file)s: the file has no rows.") % {"file": filename})
    header_row, headers = raw_rows[0]
    if not any(headers):
        raise SpreadsheetError(
            _("%(file)s: row %(row)d should hold the column names and is empty.")
            % {"file": filename, "row": header_row}
        )
    width = len(headers)
    rows = [
        (number, (cells + [""] * width)[:width]) for number, cells in raw_rows[1:] if any(cells)
    ]
    return Table(headers=[h or get_column_letter(i + 1) for i, h in enumerate(headers)], rows=rows)


def read_xlsx(filename: str, content: bytes) -> Table:
    """The first worksheet of an .xlsx file; a formula anywhere is an error naming its cell."""
    try:
        workbook = load_workbook(
            io.BytesIO(content), read_only=True, data_only=False, keep_links=False
        )
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as error:
        raise SpreadsheetError(
            _("%(file)s: not a readable Excel (.xlsx) file (%(problem)s).")
            % {"file": filename, "problem": error}
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows: list[tuple[int, list[str]]] = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            texts = []
            for column, cell in enumerate(cells, start=1):
                if getattr(cell, "data_type", None) == "f":
                    raise SpreadsheetError(
                        _(
                            "%(file)s: cell %(cell)s holds a formula; formulas are not "
                            "evaluated, paste the values instead."
                        )
                        % {"file": filename, "cell": f"{get_column_letter(column)}{number}"}
                    )
                texts.append(_cell_text(cell.value))
            while texts and not texts[-1]:
                texts.pop()
            rows.append((number, texts))
    finally:
        workbook.close()
    return _table(filename, rows)


def read_csv(filename: str, content: bytes) -> Table:
    """A CSV file in UTF-8 (with or without BOM), separated by commas, semicolons or tabs."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SpreadsheetError(
            _("%(file)s: not UTF-8 text (byte %(position)d); save it as CSV UTF-8.")
            % {"file": filename, "position": error.start}
        ) from None
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:10000], delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [
            (number, [cell.strip() for cell in cells])
            for number, cells in enumerate(csv.reader(io.StringIO(text), dialect), start=1)
        ]
    except csv.Error as error:
        raise SpreadsheetError(
            _("%(file)s: not valid CSV (%(problem)s).") % {"file": filename, "problem": error}
        ) from None
    return _table(filename, rows)


def read_table(filename: str, content: bytes) -> Table:
    """Read by file extension: .xlsx or .csv."""
    lowered = filename.lower()
    if lowered.endswith(".xlsx"):
        return read_xlsx(filename, content)
    if lowered.endswith((".csv", ".txt")):
        return read_csv(filename, content)
    raise SpreadsheetError(
        _("%(file)s: import an Excel (.xlsx) or CSV (.csv) file.") % {"file": filename}
    )
