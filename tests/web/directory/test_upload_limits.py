"""Uploads are bounded while they are read: rows, columns, cell size and unpacked size.

The three bombs of the attack (a wide sheet stored padded to its header, a zip bomb of
a million rows, a small CSV stored as 80 MB) are refused with an error naming the file
and the limit, and nothing is stored. Files are generated here, small.
"""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from matchfair.web.directory.models import SpreadsheetUpload
from matchfair.web.directory.spreadsheets.reading import SpreadsheetError, read_table
from tests.web.factories import (
    SHEET,
    World,
    inline_cell,
    shared_string_workbook,
    sheet_workbook,
    wide_header_workbook,
    with_lying_directory,
    xlsx_bytes,
    zip_bomb_workbook,
)


@pytest.fixture
def organizer(world: World, client_for) -> Client:
    return client_for(world.organizer)


def upload(client: Client, world: World, name: str, content: bytes):
    return client.post(
        f"/events/{world.event.pk}/organizations/import/",
        {"file": SimpleUploadedFile(name, content)},
    )


def test_a_zip_bomb_of_rows_is_refused_before_it_is_inflated(world: World, organizer: Client):
    content = zip_bomb_workbook(300_000)
    assert len(content) < 100_000
    response = upload(organizer, world, "bomb.xlsx", content)
    assert response.status_code == 200
    assert "bomb.xlsx: a part of the file is compressed more than 100 times" in (
        response.content.decode()
    )
    assert SpreadsheetUpload.objects.count() == 0


def test_a_wide_header_is_refused_naming_the_limit_and_nothing_is_stored(
    world: World, organizer: Client
):
    response = upload(organizer, world, "wide.xlsx", wide_header_workbook(2000, 200))
    assert response.status_code == 200
    assert "wide.xlsx: the header row has more than 100 columns" in response.content.decode()
    assert SpreadsheetUpload.objects.count() == 0


def test_the_small_csv_that_stored_80_mb_is_refused(world: World, organizer: Client):
    content = ",".join(f"c{number}" for number in range(2000)).encode() + b"\n" + b"x\n" * 15000
    assert len(content) < 60_000
    response = upload(organizer, world, "wide.csv", content)
    assert response.status_code == 200
    assert "wide.csv: the header row has more than 100 columns" in response.content.decode()
    assert SpreadsheetUpload.objects.count() == 0


def test_rows_of_a_sheet_within_the_columns_are_stored_without_padding(
    world: World, organizer: Client
):
    content = ",".join(f"c{number}" for number in range(100)).encode() + b"\n" + b"x\n" * 20000
    response = upload(organizer, world, "narrow.csv", content)
    assert response.status_code == 302
    stored = SpreadsheetUpload.objects.get()
    assert len(stored.headers) == 100
    assert stored.rows == [[number, ["x"]] for number in range(2, 20002)]
    # Padded to the header's width, as before, these rows took more than 8 MB.
    assert len(json.dumps(stored.rows)) < 400_000


def test_more_rows_than_allowed_are_refused_with_the_limit(settings):
    settings.MATCHFAIR_UPLOAD_MAX_ROWS = 10
    header = "<row>" + inline_cell("name") + "</row>"
    ten = read_table("ok.csv", b"name\n" + b"Acme\n" * 10)
    assert len(ten.rows) == 10
    with pytest.raises(SpreadsheetError, match=r"many\.csv: the sheet has more than 10 rows"):
        read_table("many.csv", b"name\n" + b"Acme\n" * 11)
    with pytest.raises(SpreadsheetError, match=r"many\.xlsx: the sheet has more than 10 rows"):
        read_table("many.xlsx", xlsx_bytes([["name"]] + [["Acme"]] * 11))
    # A row numbered far down is refused when the count passes the limit, without
    # walking through the empty rows before it.
    far = sheet_workbook(header + '<row r="5000000">' + inline_cell("Acme") + "</row>")
    with pytest.raises(SpreadsheetError, match=r"far\.xlsx: the sheet has more than 10 rows"):
        read_table("far.xlsx", far)


def test_a_sheet_whose_dimension_claims_a_huge_range_is_read_as_it_is():
    content = sheet_workbook(
        '<row r="1">'
        + inline_cell("name", "A1")
        + inline_cell("country", "B1")
        + '</row><row r="2">'
        + inline_cell("Acme", "A2")
        + "</row>",
        dimension="A1:BXX20000",
    )
    table = read_table("claims.xlsx", content)
    assert table.headers == ["name", "country"]
    assert table.rows == [(2, ["Acme"])]


def test_cells_right_of_the_header_are_not_read():
    table = read_table("extra.csv", b"name,country\nAcme,DE,x,y,z\n")
    assert table.rows == [(2, ["Acme", "DE"])]


def long_csv(length: int) -> bytes:
    return b"name,profile\nAcme," + b"y" * length + b"\n"


def long_xlsx(length: int) -> bytes:
    return xlsx_bytes([["name", "profile"], ["Acme", "y" * length]])


@pytest.mark.parametrize(("name", "make"), [("long.csv", long_csv), ("long.xlsx", long_xlsx)])
def test_a_cell_over_the_size_limit_is_refused_naming_it(name: str, make):
    with pytest.raises(
        SpreadsheetError, match=rf"{name}: cell B2 holds more than 10,000 characters"
    ):
        read_table(name, make(10_001))
    assert len(read_table(name, make(10_000)).rows[0][1][1]) == 10_000


def test_a_file_whose_directory_declares_too_much_is_refused_unread(settings):
    settings.MATCHFAIR_UPLOAD_MAX_UNPACKED_BYTES = 64 * 1024
    content = xlsx_bytes([["name"]] + [[f"Organization {number}"] for number in range(3000)])
    with pytest.raises(SpreadsheetError, match=r"big\.xlsx: unpacked, the file holds more than 64"):
        read_table("big.xlsx", content)


def test_a_text_repeated_from_the_shared_strings_counts_each_time(settings):
    settings.MATCHFAIR_UPLOAD_MAX_UNPACKED_BYTES = 200_000
    content = shared_string_workbook("y" * 5000, 100)
    declared = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(content)).infolist())
    assert declared < 50_000
    with pytest.raises(SpreadsheetError, match=r"shared\.xlsx: unpacked, the file holds more"):
        read_table("shared.xlsx", content)
    settings.MATCHFAIR_UPLOAD_MAX_UNPACKED_BYTES = 1_000_000
    assert read_table("shared.xlsx", content).rows[0] == (2, ["Acme", "y" * 5000])


def written_row_by_row(rows: list[list[str]]) -> bytes:
    """A workbook as openpyxl's write-only mode writes it: without a ``<dimension>``."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Participants")
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_bytes_inflated_count_as_they_are_read_and_a_sheet_is_inflated_once(settings):
    names = [f"Organization {number}" for number in range(2000)]
    content = written_row_by_row([["name"]] + [[name] for name in names])
    parts = zipfile.ZipFile(io.BytesIO(content)).infolist()
    declared = sum(part.file_size for part in parts)
    assert b"<dimension" not in zipfile.ZipFile(io.BytesIO(content)).read(SHEET)
    text = len("name") + sum(len(name) for name in names)
    # The directory's sizes fit exactly; inflating them and reading the cells on top
    # goes over, as a directory that understates its parts would.
    settings.MATCHFAIR_UPLOAD_MAX_UNPACKED_BYTES = declared
    with pytest.raises(SpreadsheetError, match="unpacked, the file holds more"):
        read_table("sum.xlsx", content)
    # Read once (the header's first look reads a chunk more), not once more to find
    # the size the sheet does not declare.
    settings.MATCHFAIR_UPLOAD_MAX_UNPACKED_BYTES = declared + text + 64 * 1024
    assert len(read_table("sum.xlsx", content).rows) == 2000


def test_a_zip_directory_that_understates_a_part_is_refused(world: World, organizer: Client):
    honest = zip_bomb_workbook(20_000)
    lying = with_lying_directory(honest, SHEET, 1000)
    response = upload(organizer, world, "liar.xlsx", lying)
    assert response.status_code == 200
    assert "liar.xlsx: not a readable Excel" in response.content.decode()
    assert SpreadsheetUpload.objects.count() == 0
