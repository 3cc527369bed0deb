"""How much one uploaded spreadsheet may hold, and a meter of what reading it unpacks.

A few kilobytes of .xlsx can unpack to gigabytes (a zip bomb, or one long text
repeated from the shared-strings table in every cell), so the limits are checked
while the file is read, never on what it claims to hold.
"""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class UploadLimits:
    """The operator's limits (``MATCHFAIR_UPLOAD_*`` settings, listed in docs/web.md)."""

    rows: int
    """Data rows below the header row, counted by their position in the sheet."""
    columns: int
    """Columns of the header row; cells to the right of the header are not read."""
    cell_characters: int
    unpacked_bytes: int
    """An .xlsx file's parts as inflated plus the text of every cell read (a text
    shared by many cells counts each time); for a CSV file, the text of its cells."""

    @classmethod
    def from_settings(cls) -> "UploadLimits":
        return cls(
            rows=settings.MATCHFAIR_UPLOAD_MAX_ROWS,
            columns=settings.MATCHFAIR_UPLOAD_MAX_COLUMNS,
            cell_characters=settings.MATCHFAIR_UPLOAD_MAX_CELL_CHARS,
            unpacked_bytes=settings.MATCHFAIR_UPLOAD_MAX_UNPACKED_BYTES,
        )


class UnpackedTooLargeError(Exception):
    """Reading went past ``unpacked_bytes``.

    Not a ValueError on purpose: openpyxl turns a ValueError raised while it reads a
    workbook into a generic one, and this one must reach the reader unchanged.
    """


class Meter:
    """Counts what reading one upload has unpacked so far, and stops it at the limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.spent = 0

    def spend(self, amount: int) -> None:
        self.spent += amount
        if self.spent > self.limit:
            raise UnpackedTooLargeError
