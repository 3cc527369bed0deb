"""Reading an uploaded Excel or CSV file into rows of text, safely.

Spreadsheets from participants are untrusted: formulas are refused rather than
evaluated (a cell shows what was typed, not what a formula or an external link
would compute), every problem names the row and column a person can find, and the
limits of ``UploadLimits`` are checked row by row while the file is read, so that
a small file that unpacks to millions of rows is refused after reading no more
than the limits allow.

Rows keep only what they hold: cells to the right of the header are not read, and
a row ends at its last non-empty cell (rows are never padded to the header's width).
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from xml.etree.ElementTree import ParseError
from zipfile import BadZipFile

from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from matchfair.web.directory.spreadsheets.limits import Meter, UnpackedTooLargeError, UploadLimits
from matchfair.web.directory.spreadsheets.zip_guard import (
    MAX_INFLATE_RATIO,
    CompressedTooFarError,
    open_metered,
)


@dataclass(frozen=True)
class Table:
    """The first sheet: its header row and the data rows, each with its row number in the file.

    A data row holds its cells up to its last non-empty one, at most as many as headers.
    """

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


def _cell_name(column: int, row: int) -> str:
    return f"{get_column_letter(column)}{row}"


def _trimmed(texts: list[str]) -> list[str]:
    while texts and not texts[-1]:
        texts.pop()
    return texts


class _Rows:
    """The table being read: row 1 is the header, every row is checked as it comes."""

    def __init__(self, filename: str, limits: UploadLimits, meter: Meter) -> None:
        self.filename = filename
        self.limits = limits
        self.meter = meter
        self.headers: list[str] | None = None
        self.rows: list[tuple[int, list[str]]] = []

    @property
    def width(self) -> int:
        """How many columns a data row may hold: the header's."""
        return len(self.headers or ())

    def add(self, number: int, texts: list[str]) -> None:
        if number > self.limits.rows + 1:
            raise SpreadsheetError(
                _(
                    "%(file)s: the sheet has more than %(limit)s rows below the header; "
                    "import it in parts of at most %(limit)s rows."
                )
                % {"file": self.filename, "limit": number_format(self.limits.rows, 0, None, True)}
            )
        if self.headers is None:
            self._add_header(number, _trimmed(texts))
            return
        texts = _trimmed(texts[: self.width])
        if texts:
            self._check_cells(number, texts)
            self.rows.append((number, texts))

    def _add_header(self, number: int, texts: list[str]) -> None:
        if not texts:
            raise SpreadsheetError(
                _("%(file)s: row %(row)d should hold the column names and is empty.")
                % {"file": self.filename, "row": number}
            )
        if len(texts) > self.limits.columns:
            raise SpreadsheetError(
                _(
                    "%(file)s: the header row has more than %(limit)s columns; "
                    "an import reads at most %(limit)s columns."
                )
                % {
                    "file": self.filename,
                    "limit": number_format(self.limits.columns, 0, None, True),
                }
            )
        self._check_cells(number, texts)
        self.headers = texts

    def _check_cells(self, number: int, texts: list[str]) -> None:
        for column, text in enumerate(texts, start=1):
            if len(text) > self.limits.cell_characters:
                raise SpreadsheetError(
                    _("%(file)s: cell %(cell)s holds more than %(limit)s characters.")
                    % {
                        "file": self.filename,
                        "cell": _cell_name(column, number),
                        "limit": number_format(self.limits.cell_characters, 0, None, True),
                    }
                )
            self.meter.spend(len(text))

    def table(self) -> Table:
        if self.headers is None:
            raise SpreadsheetError(_("%(file)s: the file has no rows.") % {"file": self.filename})
        return Table(
            headers=[h or get_column_letter(i + 1) for i, h in enumerate(self.headers)],
            rows=self.rows,
        )


def _too_large(filename: str, limits: UploadLimits) -> SpreadsheetError:
    return SpreadsheetError(
        _("%(file)s: unpacked, the file holds more than %(size)s; an import reads at most that.")
        % {"file": filename, "size": filesizeformat(limits.unpacked_bytes)}
    )


class _UnsizedSheet(ReadOnlyWorksheet):
    """openpyxl's read-only worksheet without the size the file claims for it.

    Opening a sheet, openpyxl looks for its ``<dimension>``, and where there is none
    (openpyxl's own write-only files have none) parses the whole sheet to find out:
    every sheet read twice before a row is used. The claim is not wanted anyway (the
    rows hold the cells the file holds, never padded to a claimed size).
    """

    def _get_size(self) -> None:
        """Leave the sheet unsized."""


def _first_sheet(content: bytes, meter: Meter) -> _UnsizedSheet | None:
    """The workbook's first worksheet, read from the metered archive only.

    openpyxl's loading steps for a read-only workbook, but only the first worksheet
    is opened (``load_workbook`` opens every sheet of the file).
    """
    archive = open_metered(content, meter)
    reader = ExcelReader(io.BytesIO(content), read_only=True, data_only=False, keep_links=False)
    reader.archive.close()
    reader.archive = archive
    reader.read_manifest()
    reader.read_strings()
    reader.read_workbook()
    apply_stylesheet(archive, reader.wb)
    for sheet, relation in reader.parser.find_sheets():
        if relation.target in reader.valid_files and "chartsheet" not in relation.Type:
            return _UnsizedSheet(reader.wb, sheet.name, relation.target, reader.shared_strings)
    return None


def _texts(filename: str, number: int, cells: tuple[ReadOnlyCell, ...]) -> list[str]:
    texts = []
    for column, cell in enumerate(cells, start=1):
        if getattr(cell, "data_type", None) == "f":
            raise SpreadsheetError(
                _(
                    "%(file)s: cell %(cell)s holds a formula; formulas are not "
                    "evaluated, paste the values instead."
                )
                % {"file": filename, "cell": _cell_name(column, number)}
            )
        texts.append(_cell_text(cell.value))
    return texts


def _read_sheet(filename: str, sheet: _UnsizedSheet, rows: _Rows) -> None:
    """Row 1 with one column more than allowed (to see a header that is too wide), then
    the data rows as wide as the header: no row is ever wider than the limit."""
    first = sheet.iter_rows(max_row=1, max_col=rows.limits.columns + 1)
    try:
        header = next(first, None)
    finally:
        first.close()
    if header is None:
        return
    rows.add(1, _texts(filename, 1, header))
    data = sheet.iter_rows(min_row=2, max_col=rows.width)
    for number, cells in enumerate(data, start=2):
        rows.add(number, _texts(filename, number, cells))


def read_xlsx(filename: str, content: bytes) -> Table:
    """The first worksheet of an .xlsx file; a formula anywhere is an error naming its cell."""
    limits = UploadLimits.from_settings()
    meter = Meter(limits.unpacked_bytes)
    rows = _Rows(filename, limits, meter)
    try:
        sheet = _first_sheet(content, meter)
        if sheet is not None:
            try:
                _read_sheet(filename, sheet, rows)
            finally:
                sheet.parent.close()
    except UnpackedTooLargeError:
        raise _too_large(filename, limits) from None
    except CompressedTooFarError:
        raise SpreadsheetError(
            _(
                "%(file)s: a part of the file is compressed more than %(ratio)d times, as "
                "zip bombs are, and is not read. Save the sheet as CSV to import it."
            )
            % {"file": filename, "ratio": MAX_INFLATE_RATIO}
        ) from None
    except SpreadsheetError:
        raise
    except (InvalidFileException, BadZipFile, KeyError, OSError, ParseError, ValueError) as error:
        raise SpreadsheetError(
            _("%(file)s: not a readable Excel (.xlsx) file (%(problem)s).")
            % {"file": filename, "problem": error}
        ) from None
    return rows.table()


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
    limits = UploadLimits.from_settings()
    rows = _Rows(filename, limits, Meter(limits.unpacked_bytes))
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
            rows.add(number, [cell.strip() for cell in cells])
    except UnpackedTooLargeError:
        raise _too_large(filename, limits) from None
    except csv.Error as error:
        raise SpreadsheetError(
            _("%(file)s: not valid CSV (%(problem)s).") % {"file": filename, "problem": error}
        ) from None
    return rows.table()


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
