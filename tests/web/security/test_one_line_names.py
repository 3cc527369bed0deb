"""Event ids and names with a line break: refused where they enter, harmless where they are old.

An event imported before the rule could carry ``\\r\\n`` in its id or name; every
download of it (the id is in the file name) and the invitation page (the name is in
the e-mail subject) answered 500. The downloads now name their files through Django's
``content_disposition_header`` and e-mail subjects are made one line; files, forms
and the API refuse such ids and names (tests/core/test_one_line.py for files).
"""

import json
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from matchfair.web.directory.models import Delegate, Organization, Participation
from matchfair.web.directory.spreadsheets.importing import SpreadsheetImportError
from matchfair.web.directory.spreadsheets.mapping import guess_mapping
from matchfair.web.directory.spreadsheets.reading import read_table
from matchfair.web.events.models import Event
from matchfair.web.exchange.spreadsheets import import_rows
from tests.web.documents import full_event_data
from tests.web.factories import make_user, xlsx_bytes

pytestmark = pytest.mark.django_db

BROKEN_CODE = "nordic\r\nSet-Cookie: stolen=1"
BROKEN_NAME = "Nordic\r\nDialogue"
# Downloads whose file name carries the event id but whose content does not go
# through the file format.
NAMED_DOWNLOADS = ["orga:export_workbook", "orga:export_tables"]
# Downloads built from the event file: they need the stored rows to be valid.
FORMAT_DOWNLOADS = ["orga:export_event", "orga:export_schedule", "orga:export_agendas"]


@pytest.fixture
def old_event(event: Event) -> Event:
    """An event stored before the rule, with CR/LF in its id and name."""
    Event.objects.filter(pk=event.pk).update(code=BROKEN_CODE, name=BROKEN_NAME)
    Organization.objects.filter(participations__event=event, name="TEGnology").update(
        name="TEG\nnology"
    )
    event.refresh_from_db()
    return event


def _migrate_old_rows() -> None:
    """What the data migrations do on upgrade, run on the rows of this test."""
    for module in (
        "matchfair.web.events.migrations.0002_one_line_ids_and_names",
        "matchfair.web.directory.migrations.0006_one_line_ids_and_names",
    ):
        import_module(module).forward(django_apps, None)


def _safe_disposition(response) -> str:
    """The download's Content-Disposition, checked to be one header line."""
    if response.streaming:
        # Read to the end, which closes (and deletes) a streamed file such as the workbook
        # the way the test client does; response.close() would also close the database
        # connection of the test's transaction.
        b"".join(response.streaming_content)
    header = response["Content-Disposition"]
    assert "\r" not in header
    assert "\n" not in header
    assert header.startswith("attachment; filename")
    return header


@pytest.mark.parametrize("name", NAMED_DOWNLOADS)
def test_downloads_named_after_an_old_id_with_a_line_break_work(organizer_client, old_event, name):
    response = organizer_client.get(reverse(name, args=[old_event.pk]))
    assert response.status_code == 200
    assert _safe_disposition(response).startswith("attachment; filename*=utf-8''nordic%0D%0A")
    assert "stolen" not in response.cookies


def test_participant_agenda_downloads_of_an_old_event_work(client, old_event):
    user = make_user("delegate")
    participation = Participation.objects.get(event=old_event, code="tegnology")
    Delegate.objects.create(user=user, organization=participation.organization)
    client.force_login(user)
    for url in (
        reverse("portal:agenda_ics", args=[participation.pk]),
        reverse("portal:agenda_pdf", args=[participation.pk]),
        reverse("portal:organization_agenda_pdf", args=[participation.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        _safe_disposition(response)


def test_the_upgrade_makes_old_ids_and_names_one_line(old_event):
    Participation.objects.filter(event=old_event, code="smart-eye").update(code="teg nology")
    Participation.objects.filter(event=old_event, code="tegnology").update(code="teg\tnology")
    _migrate_old_rows()
    old_event.refresh_from_db()
    assert (old_event.code, old_event.name) == ("nordic  Set-Cookie: stolen=1", "Nordic  Dialogue")
    codes = set(Participation.objects.filter(event=old_event).values_list("code", flat=True))
    assert {"teg nology", "teg nology-2"} <= codes
    assert Organization.objects.filter(name="TEG nology").exists()


@pytest.mark.parametrize("name", NAMED_DOWNLOADS + FORMAT_DOWNLOADS)
def test_every_download_of_an_upgraded_old_event_works(organizer_client, old_event, name):
    _migrate_old_rows()
    response = organizer_client.get(reverse(name, args=[old_event.pk]))
    assert response.status_code == 200
    assert _safe_disposition(response).startswith('attachment; filename="nordic  Set-Cookie')


@pytest.mark.parametrize("kind", ["html", "pdf"])
def test_report_files_of_an_upgraded_old_event_work(organizer_client, old_event, kind):
    _migrate_old_rows()
    response = organizer_client.get(
        reverse("reports:event_report_file", args=[old_event.pk, "en", kind])
    )
    assert response.status_code == 200
    assert _safe_disposition(response).endswith(f'-report-en.{kind}"')


def test_inviting_to_an_old_event_with_a_line_break_in_its_name_works(organizer_client, old_event):
    assert organizer_client.get(reverse("orga:invite", args=[old_event.pk])).status_code == 200
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = organizer_client.post(
            reverse("orga:invite", args=[old_event.pk]),
            {
                "organization_name": "Fjord Robotics",
                "country": "NO",
                "kind": "company",
                "attendance": "onsite",
                "contact_name": "Ingrid Dahl",
                "email": "ingrid@fjord.example",
            },
        )
    assert response.status_code == 302
    (sent,) = mail.outbox
    assert sent.subject == "Your invitation to Nordic  Dialogue"


def test_the_event_form_refuses_a_line_break_in_the_name(organizer_client, event):
    response = organizer_client.post(
        reverse("orga:event_settings", args=[event.pk]),
        {"name": "Nordic\r\nDialogue", "code": event.code, "timezone": "Asia/Shanghai"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        "contains the control character U+000D; ids and names must be one line"
    ]
    event.refresh_from_db()
    assert "\n" not in event.name


def test_the_organization_form_refuses_a_line_break_in_the_id(organizer_client, event):
    participation = Participation.objects.get(event=event, code="tegnology")
    response = organizer_client.post(
        reverse("orga:edit_organization", args=[event.pk, participation.pk]),
        {
            "name": "TEGnology",
            "country": "DK",
            "kind": "company",
            "code": "teg\nnology",
            "attendance": "onsite",
            "delegates": "1",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["code"] == [
        "contains the control character U+000A; ids and names must be one line"
    ]


def test_the_invitation_form_refuses_a_line_break_in_the_organization(organizer_client, event):
    response = organizer_client.post(
        reverse("orga:invite", args=[event.pk]),
        {
            "organization_name": "Fjord\rRobotics",
            "country": "NO",
            "kind": "company",
            "attendance": "onsite",
            "contact_name": "Ingrid Dahl",
            "email": "ingrid@fjord.example",
        },
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 200
    (message,) = response.context["form"].errors["organization_name"]
    assert "U+000D" in message
    assert "control character" not in message  # in the page's language
    assert mail.outbox == []


def test_importing_an_event_file_with_a_line_break_in_its_id_is_refused(organizer_client):
    data = full_event_data()
    data["event"]["id"] = "nordic\r\n2024"
    before = Event.objects.count()
    upload = SimpleUploadedFile("event.json", json.dumps(data).encode())
    response = organizer_client.post(reverse("orga:import_event_file"), {"file": upload})
    assert response.status_code == 200
    assert Event.objects.count() == before
    assert response.context["issues"] == [
        "event.json: event.id: contains the control character U+000D; "
        "ids and names must be one line"
    ]


def test_a_spreadsheet_cell_with_a_line_break_in_a_name_is_a_row_error(event):
    """Alt+Enter in an Excel cell puts a line feed in the name: refused, naming row and field."""
    before = Participation.objects.filter(event=event).count()
    table = read_table(
        "fair.xlsx",
        xlsx_bytes([["Organization", "Country"], ["Good Oy", "FI"], ["Fjord\nRobotics", "NO"]]),
    )
    with pytest.raises(SpreadsheetImportError) as raised:
        import_rows(event, table, guess_mapping(table.headers))
    assert [str(issue) for issue in raised.value.issues] == [
        "row 3, Organization name: contains the control character U+000A; "
        "ids and names must be one line"
    ]
    assert Participation.objects.filter(event=event).count() == before
