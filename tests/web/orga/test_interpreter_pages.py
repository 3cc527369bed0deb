"""The organizer's interpreter pages: reached from the programme, listed with their
assignments, added and edited with named refusals, deleted after a page that says what
it changes; closed to other events' organizers and to participants."""

import pytest
from django.urls import reverse

from matchfair.web.events.models import Interpreter, Session
from matchfair.web.meetings.models import Meeting
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def interp(world: World) -> Interpreter:
    return Interpreter.objects.get(event=world.event, code="interp-1")


def test_the_programme_links_to_the_list_which_counts_assignments(client_for, world: World):
    client = client_for(world.organizer)
    programme = client.get(reverse("orga:programme", args=[world.event.pk])).content.decode()
    url = reverse("orga:interpreters", args=[world.event.pk])
    assert url in programme
    page = client.get(url).content.decode()
    assert "interp-1" in page
    assert "1 published, 0 drafts" in page
    assert "1 window" in page


def test_adding_an_interpreter_with_two_languages_and_some_slots(client_for, world: World):
    session = Session.objects.get(event=world.event, code="day2-online")
    response = client_for(world.organizer).post(
        reverse("orga:new_interpreter", args=[world.event.pk]),
        {"code": "da-zh", "languages": "da, zh", f"session_{session.pk}": [f"{session.pk}-1"]},
    )
    assert response["Location"] == reverse("orga:interpreters", args=[world.event.pk])
    added = Interpreter.objects.get(event=world.event, code="da-zh")
    assert added.languages == ["da", "zh"]
    assert added.availability == [
        {"start": "2024-11-19T09:30:00+08:00", "end": "2024-11-19T10:00:00+08:00"}
    ]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"code": "interp-1", "languages": "da, zh"}, "Another interpreter of this event"),
        ({"code": "x", "languages": "zh"}, "at least 2"),
        ({"code": "x", "languages": "zh, dk"}, "dk"),
    ],
)
def test_a_bad_interpreter_is_refused_on_the_form(client_for, world: World, data, words):
    response = client_for(world.organizer).post(
        reverse("orga:new_interpreter", args=[world.event.pk]), data
    )
    assert response.status_code == 200
    assert words in response.content.decode()
    assert Interpreter.objects.filter(event=world.event).count() == 1


def test_an_edit_that_would_break_a_published_meeting_names_it(client_for, world: World):
    response = client_for(world.organizer).post(
        reverse("orga:edit_interpreter", args=[world.event.pk, interp(world).pk]),
        {"code": "interp-1", "languages": "de, fr"},
    )
    assert "The published meeting TEGnology – 清华四川能源互联网研究院 needs a language" in (
        response.content.decode()
    )
    assert interp(world).languages == ["zh", "en"]


def test_deleting_is_refused_while_published_and_unassigns_drafts_after(client_for, world: World):
    client = client_for(world.organizer)
    url = reverse("orga:delete_interpreter", args=[world.event.pk, interp(world).pk])
    assert "cannot be deleted while assigned" in client.get(url).content.decode()
    client.post(url)
    assert Interpreter.objects.filter(event=world.event).count() == 1
    Meeting.objects.filter(pk=world.published.pk).update(published=False)
    assert "1 draft meeting loses its interpreter." in client.get(url).content.decode()
    client.post(url)
    assert not Interpreter.objects.filter(event=world.event).exists()
    assert Meeting.objects.get(pk=world.published.pk).interpreter is None


def test_the_schedule_shows_the_assignment(client_for, world: World):
    page = client_for(world.organizer).get(reverse("orga:schedule", args=[world.event.pk]))
    assert "interp-1" in page.content.decode()


def test_other_organizers_and_participants_are_kept_out(client_for, world: World):
    other = Interpreter.objects.get(event=world.other_event)
    own_event_other_row = reverse("orga:edit_interpreter", args=[world.event.pk, other.pk])
    assert client_for(world.organizer).get(own_event_other_row).status_code == 404
    url = reverse("orga:interpreters", args=[world.event.pk])
    assert client_for(world.other_organizer).get(url).status_code in (403, 404)
    assert client_for(world.teg_user).get(url).status_code in (302, 403, 404)


def test_a_sheet_uploaded_on_the_list_page_adds_interpreters(client_for, world: World):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.web.factories import xlsx_bytes

    url = reverse("orga:import_interpreters", args=[world.event.pk])
    client = client_for(world.organizer)
    good = xlsx_bytes([["Interpreter id", "Languages"], ["da-zh", "da, zh"]])
    response = client.post(url, {"file": SimpleUploadedFile("i.xlsx", good)})
    assert response["Location"] == reverse("orga:interpreters", args=[world.event.pk])
    assert Interpreter.objects.filter(event=world.event, code="da-zh").exists()
    bad = xlsx_bytes([["Interpreter id", "Languages"], ["x", "zh"]])
    refused = client.post(url, {"file": SimpleUploadedFile("i.xlsx", bad)})
    assert refused.status_code == 400
    assert "row 2, Languages" in refused.content.decode()
