"""Hostile Excel files: formulas, DDE, an external link, an XML entity bomb, zip bombs."""

import io
import zipfile

from openpyxl import Workbook

ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE bomb ['
    '<!ENTITY a "aaaaaaaaaa">'
    + "".join(
        f'<!ENTITY {chr(98 + level)} "{("&" + chr(97 + level) + ";") * 10}">' for level in range(8)
    )
    + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c></row>'
    "</sheetData></worksheet>"
)
EXTERNAL_LINK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>'
    "</externalBook></externalLink>"
)
EXTERNAL_LINK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/externalLinkPath" Target="http://127.0.0.1:9/secrets.xlsx" '
    'TargetMode="External"/></Relationships>'
)


def workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_parts(content: bytes, replaced: dict[str, str]) -> bytes:
    """The workbook with some of its zip members replaced or added."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name not in replaced:
                target.writestr(name, source.read(name))
        for name, text in replaced.items():
            target.writestr(name, text)
    return buffer.getvalue()


def formula_workbook(formula: str) -> bytes:
    return workbook([["name", "country"], ["Acme", "DE"], [formula, "FR"]])


def external_link_workbook() -> bytes:
    """A cell computed from another workbook on a server, with the link part Excel writes."""
    content = formula_workbook("=[1]Sheet1!A1")
    return with_parts(
        content,
        {
            "xl/externalLinks/externalLink1.xml": EXTERNAL_LINK,
            "xl/externalLinks/_rels/externalLink1.xml.rels": EXTERNAL_LINK_RELS,
        },
    )


def entity_bomb_workbook() -> bytes:
    return with_parts(workbook([["name"], ["Acme"]]), {"xl/worksheets/sheet1.xml": ENTITY_BOMB})


SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def inline_cell(text: str, reference: str = "") -> str:
    where = f' r="{reference}"' if reference else ""
    return f'<c{where} t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_workbook(sheet_data: str, dimension: str = "") -> bytes:
    """A workbook whose first sheet is the given ``<sheetData>`` content, written as is."""
    head = SHEET_START + (f'<dimension ref="{dimension}"/>' if dimension else "")
    sheet = head + "<sheetData>" + sheet_data + "</sheetData></worksheet>"
    return with_parts(workbook([["name"]]), {SHEET: sheet})


def shared_string_workbook(text: str, rows: int) -> bytes:
    """Rows of a name and one long text kept once in the shared-strings table: a small
    file whose cells hold ``rows`` times the text."""
    strings = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<si><t>{text}</t></si></sst>"
    )
    base = sheet_workbook(
        "<row>"
        + inline_cell("name")
        + inline_cell("profile")
        + "</row>"
        + ("<row>" + inline_cell("Acme") + '<c t="s"><v>0</v></c></row>') * rows
    )
    types = zipfile.ZipFile(io.BytesIO(base)).read("[Content_Types].xml").decode()
    override = (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    )
    return with_parts(
        base,
        {
            "[Content_Types].xml": types.replace("</Types>", override + "</Types>"),
            "xl/sharedStrings.xml": strings,
        },
    )


def zip_bomb_workbook(rows: int) -> bytes:
    """The finding's bomb: identical rows without row numbers compress about 1,000 times,
    so a few hundred kilobytes hold a million rows."""
    row = "<row>" + inline_cell("Acme") + "</row>"
    return sheet_workbook("<row>" + inline_cell("name") + "</row>" + row * rows)


def wide_header_workbook(columns: int, rows: int) -> bytes:
    """The finding's wide sheet: a header of many columns over rows of one short cell each,
    which the old reader stored padded to the header's width."""
    header = "".join(inline_cell(f"c{number}") for number in range(columns))
    return sheet_workbook(
        "<row>" + header + "</row>" + ("<row>" + inline_cell("x") + "</row>") * rows
    )


def with_lying_directory(content: bytes, name: str, declared_size: int) -> bytes:
    """The archive with ``name``'s unpacked size in the zip directory (and its local
    header) replaced, as a hand-made bomb would do to pass a check of the directory."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    info = archive.getinfo(name)
    data = bytearray(content)
    size = declared_size.to_bytes(4, "little")
    data[info.header_offset + 22 : info.header_offset + 26] = size
    encoded = name.encode()
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(encoded)] != encoded:
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = size
    return bytes(data)
