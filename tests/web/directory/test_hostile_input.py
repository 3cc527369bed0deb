"""Uploads: size and type limits, and imports that never evaluate formulas or follow links."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from matchfair.web.directory.models import Participation, SpreadsheetUpload
from matchfair.web.directory.spreadsheets.reading import SpreadsheetError, read_table
from tests.web.factories import (
    World,
    entity_bomb_workbook,
    external_link_workbook,
    formula_workbook,
    xlsx_bytes,
)


@pytest.mark.parametrize(
    "formula",
    [
        '=HYPERLINK("http://127.0.0.1:9/?leak="&A2,"click")',
        "=cmd|' /C calc'!A0",
        '=WEBSERVICE("http://127.0.0.1:9/")',
    ],
)
def test_a_formula_is_refused_naming_its_cell(formula: str):
    with pytest.raises(SpreadsheetError, match="cell A3 holds a formula"):
        read_table("participants.xlsx", formula_workbook(formula))


def test_a_cell_linked_to_another_workbook_is_refused_and_the_link_not_followed():
    with pytest.raises(SpreadsheetError, match="cell A3 holds a formula"):
        read_table("participants.xlsx", external_link_workbook())


def test_an_xml_entity_bomb_is_refused_without_expanding_its_entities():
    # defusedxml refuses the entity declarations themselves, so nothing is expanded.
    with pytest.raises(SpreadsheetError, match="not a readable Excel"):
        read_table("bomb.xlsx", entity_bomb_workbook())


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("tool.exe", b"MZ\x90\x00"),
        ("page.html", b"<script>alert(1)</script>"),
        ("renamed.xlsx", b"<html>not a zip</html>"),
    ],
)
def test_other_file_types_are_refused(name: str, content: bytes):
    with pytest.raises(SpreadsheetError):
        read_table(name, content)


def test_the_upload_page_refuses_a_formula_and_stores_nothing(world: World):
    client = Client()
    client.force_login(world.organizer)
    before = Participation.objects.count()
    response = client.post(
        f"/events/{world.event.pk}/organizations/import/",
        {"file": SimpleUploadedFile("list.xlsx", formula_workbook("=1+1"))},
    )
    assert response.status_code == 200
    assert "holds a formula" in response.content.decode()
    assert SpreadsheetUpload.objects.count() == 0
    assert Participation.objects.count() == before


def test_a_plain_workbook_still_uploads(world: World):
    client = Client()
    client.force_login(world.organizer)
    response = client.post(
        f"/events/{world.event.pk}/organizations/import/",
        {"file": SimpleUploadedFile("list.xlsx", xlsx_bytes([["name"], ["Acme"]]))},
    )
    assert response.status_code == 302
    assert SpreadsheetUpload.objects.get().rows == [[2, ["Acme"]]]


def test_a_body_over_the_limit_is_refused_before_it_is_read(world: World, settings):
    settings.MATCHFAIR_MAX_REQUEST_BYTES = 1024
    client = Client()
    client.force_login(world.organizer)
    response = client.post(
        f"/events/{world.event.pk}/organizations/import/",
        {"file": SimpleUploadedFile("big.csv", b"name\n" + b"x" * 4096)},
    )
    assert response.status_code == 413
    api = client.post(
        f"/api/events/{world.event.pk}/tailor-made",
        {"first": 1, "second": 2, "sessions": ["x" * 100] * 20},
        content_type="application/json",
    )
    assert api.status_code == 413
