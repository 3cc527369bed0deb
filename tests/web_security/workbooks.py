"""Hostile Excel files: formulas, DDE, an external link and an XML entity bomb."""

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
    with zipfile.ZipFile(buffer, "w") as target:
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
