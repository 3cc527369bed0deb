"""An upload's rows wait for their column mapping a day at most, and go once imported."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from matchfair.web.directory.models import Participation, SpreadsheetUpload
from tests.web.factories import World


@pytest.fixture
def organizer(world: World, client_for) -> Client:
    return client_for(world.organizer)


def upload(client: Client, world: World, content: bytes) -> SpreadsheetUpload:
    response = client.post(
        f"/events/{world.event.pk}/organizations/import/",
        {"file": SimpleUploadedFile("list.csv", content)},
    )
    assert response.status_code == 302, response.content.decode()
    return SpreadsheetUpload.objects.latest("pk")


def age(stored: SpreadsheetUpload, hours: float) -> None:
    SpreadsheetUpload.objects.filter(pk=stored.pk).update(
        created_at=timezone.now() - timedelta(hours=hours)
    )


def mapping_url(world: World, stored: SpreadsheetUpload) -> str:
    return f"/events/{world.event.pk}/organizations/import/{stored.pk}/"


def test_the_rows_are_deleted_once_imported(world: World, organizer: Client):
    stored = upload(organizer, world, b"Organization,Country\nNordfjord Fisk AS,NO\n")
    response = organizer.post(mapping_url(world, stored), {"name": "0", "country": "1"})
    assert response.status_code == 302
    assert Participation.objects.filter(organization__name="Nordfjord Fisk AS").exists()
    assert not SpreadsheetUpload.objects.exists()


def test_an_upload_older_than_a_day_is_not_offered_for_mapping(world: World, organizer: Client):
    stored = upload(organizer, world, b"Organization\nAcme\n")
    age(stored, 23)
    assert organizer.get(mapping_url(world, stored)).status_code == 200
    age(stored, 25)
    assert organizer.get(mapping_url(world, stored)).status_code == 404


def test_the_next_upload_deletes_those_older_than_a_day(world: World, organizer: Client):
    old = upload(organizer, world, b"Organization\nOld Oy\n")
    young = upload(organizer, world, b"Organization\nYoung Oy\n")
    age(old, 25)
    age(young, 2)
    newest = upload(organizer, world, b"Organization\nNew Oy\n")
    assert set(SpreadsheetUpload.objects.values_list("pk", flat=True)) == {young.pk, newest.pk}


def test_the_command_deletes_uploads_older_than_a_day(world: World, organizer: Client):
    old = upload(organizer, world, b"Organization\nOld Oy\n")
    young = upload(organizer, world, b"Organization\nYoung Oy\n")
    age(old, 30)
    output = io.StringIO()
    call_command("delete_expired_uploads", stdout=output)
    assert output.getvalue() == "deleted 1 expired upload(s)\n"
    assert list(SpreadsheetUpload.objects.values_list("pk", flat=True)) == [young.pk]
