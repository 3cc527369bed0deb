"""The access log: every way personal data leaves Matchfair leaves an entry, with who and when."""

import json

import pytest
from django.urls import reverse
from typer.testing import CliRunner

from matchfair.cli.main import app
from matchfair.web.audit.access_log import record_export
from matchfair.web.audit.models import AuditEntry
from matchfair.web.meetings.models import MeetingRequest
from tests.web.documents import full_event_data
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def _exports(event) -> list[tuple[str, str, str]]:
    return [
        (entry.action, entry.actor_name, entry.subject)
        for entry in AuditEntry.objects.filter(event=event, action__startswith="export.")
    ]


@pytest.mark.parametrize(
    ("url_name", "query", "action"),
    [
        ("orga:export_workbook", "", "export.workbook"),
        ("orga:export_event", "", "export.event-file"),
        ("orga:export_badges", "?layout=a4", "export.badges"),
    ],
)
def test_an_organizers_download_of_personal_data_is_logged_with_its_organizer(
    client_for, world: World, url_name, query, action
):
    response = client_for(world.organizer).get(reverse(url_name, args=[world.event.pk]) + query)
    assert response.status_code == 200
    assert _exports(world.event) == [(action, "Organizer", f"event:{world.event.pk}")]


def test_the_schedule_file_without_contacts_is_not_logged(client_for, world: World):
    client_for(world.organizer).get(reverse("orga:export_schedule", args=[world.event.pk]))
    assert _exports(world.event) == []


def test_an_api_read_of_one_organizations_contacts_is_logged_and_a_read_without_them_is_not(
    client_for, world: World
):
    url = f"/api/events/{world.event.pk}/organizations/{world.tegnology.pk}"
    stranger = client_for(world.smart_eye_user).get(url)
    assert stranger.json()["contacts"] is None
    assert _exports(world.event) == []

    MeetingRequest.objects.create(
        event=world.event,
        requester=world.smart_eye,
        recipient=world.tegnology,
        status=MeetingRequest.Status.ACCEPTED,
    )
    partner = client_for(world.smart_eye_user).get(url)
    assert partner.json()["contacts"][0]["email"] == "teg@example.org"
    assert _exports(world.event) == [
        ("export.api-contacts", "Smarteye", f"participation:{world.tegnology.pk}")
    ]


def test_an_api_list_with_contacts_is_logged_for_the_organizer_and_not_for_a_viewer(
    client_for, world: World
):
    url = f"/api/events/{world.event.pk}/organizations"
    assert client_for(world.viewer).get(url).status_code == 200
    assert _exports(world.event) == []
    assert client_for(world.organizer).get(url).status_code == 200
    entry = AuditEntry.objects.get(event=world.event, action="export.api-contacts")
    assert (entry.actor, entry.detail["path"]) == (world.organizer, url)


def test_the_command_line_export_is_logged_with_the_command_as_its_author(tmp_path):
    source = tmp_path / "event.json"
    source.write_text(json.dumps(full_event_data(), ensure_ascii=False), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["import", str(source)]).exit_code == 0
    output = tmp_path / "out.json"
    assert runner.invoke(app, ["export", "nordic-2024", "-o", str(output)]).exit_code == 0
    entry = AuditEntry.objects.get(action="export.event-file")
    assert entry.actor is None
    assert entry.detail["by"].startswith("command line (")
    assert entry.detail["file"] == str(output)


def test_the_trail_page_names_an_export_in_the_readers_language(client_for, world: World):
    client_for(world.organizer).get(reverse("orga:export_workbook", args=[world.event.pk]))
    page = client_for(world.organizer).get(
        reverse("orga:audit_trail", args=[world.event.pk]), HTTP_ACCEPT_LANGUAGE="de"
    )
    assert "Export: Excel-Arbeitsmappe" in page.content.decode()


def test_an_action_that_is_not_an_export_is_refused(world: World):
    with pytest.raises(ValueError, match="not an export"):
        record_export(event=world.event, action="meeting.moved")
