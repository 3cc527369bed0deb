"""A stored value the event file refuses (an old database, the admin) is named by
organization, session or interpreter and field when the event is read as ``core``
objects, not raised as pydantic's bare ValidationError."""

from datetime import timedelta

import pytest
from django.urls import reverse

from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.events.models import Interpreter, Session
from matchfair.web.events.stored_data import StoredRow
from matchfair.web.exchange.errors import StoredDataError
from matchfair.web.exchange.from_database import export_event
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def test_a_bad_stored_language_names_the_organization_and_the_field(world: World):
    Participation.objects.filter(pk=world.tegnology.pk).update(languages=["en", "dk"])
    with pytest.raises(StoredDataError) as raised:
        export_event(world.event)
    message = str(raised.value)
    assert message.startswith("TEGnology: languages: 'dk' is not an ISO 639-1 code")
    assert "edit page" in message
    assert raised.value.row_id == world.tegnology.pk
    assert raised.value.event_id == world.event.pk
    assert raised.value.fields == ["languages"]


def test_a_bad_stored_opportunity_names_its_organization_and_field(world: World):
    opportunity = Opportunity.objects.filter(event=world.event).select_related(
        "participation__organization"
    )[0]
    Opportunity.objects.filter(pk=opportunity.pk).update(title="")
    with pytest.raises(StoredDataError) as raised:
        export_event(world.event)
    assert str(raised.value).startswith(
        f"{opportunity.participation.organization.name}: “”: title:"
    )
    assert raised.value.row_id == opportunity.participation_id


def test_a_session_ending_before_its_start_names_the_session_and_its_end(world: World):
    session = Session.objects.get(event=world.event, code="day1-pm")
    Session.objects.filter(pk=session.pk).update(end=session.start - timedelta(hours=1))
    with pytest.raises(StoredDataError) as raised:
        export_event(world.event)
    assert str(raised.value).startswith("Session day1-pm: end: the session ends at")
    assert "session's edit page" in str(raised.value)
    assert (raised.value.row, raised.value.row_id) == (StoredRow.SESSION, session.pk)
    assert raised.value.fields == ["end"]


def test_an_interpreter_with_a_bad_language_names_the_interpreter_and_the_field(world: World):
    interpreter = Interpreter.objects.get(event=world.event)
    Interpreter.objects.filter(pk=interpreter.pk).update(languages=["zh", "xx"])
    with pytest.raises(StoredDataError) as raised:
        export_event(world.event)
    assert str(raised.value).startswith(
        f"Interpreter {interpreter.code}: languages: 'xx' is not an ISO 639-1 code"
    )
    assert (raised.value.row, raised.value.row_id) == (StoredRow.INTERPRETER, interpreter.pk)


def test_an_interpreter_window_ending_before_its_start_names_the_availability(world: World):
    interpreter = Interpreter.objects.get(event=world.event)
    Interpreter.objects.filter(pk=interpreter.pk).update(
        availability=[{"start": "2024-11-18T14:00:00+01:00", "end": "2024-11-18T13:00:00+01:00"}]
    )
    with pytest.raises(StoredDataError) as raised:
        export_event(world.event)
    assert raised.value.fields == ["availability"]


def test_the_schedule_page_names_a_bad_session_and_links_to_its_edit_page(client_for, world: World):
    session = Session.objects.get(event=world.event, code="day1-pm")
    Session.objects.filter(pk=session.pk).update(end=session.start)
    response = client_for(world.organizer).get(reverse("orga:schedule", args=[world.event.pk]))
    assert response.status_code == 409
    text = response.content.decode()
    assert "Session day1-pm: end:" in text
    assert f'href="{reverse("orga:edit_session", args=[world.event.pk, session.pk])}"' in text


def test_the_event_file_page_links_a_bad_interpreter_to_its_page(client_for, world: World):
    interpreter = Interpreter.objects.get(event=world.event)
    Interpreter.objects.filter(pk=interpreter.pk).update(languages=["dk", "en"])
    response = client_for(world.organizer).get(reverse("orga:export_event", args=[world.event.pk]))
    assert response.status_code == 409
    text = response.content.decode()
    assert f"Interpreter {interpreter.code}: languages:" in text
    page = reverse("orga:edit_interpreter", args=[world.event.pk, interpreter.pk])
    assert f'href="{page}"' in text


def test_the_report_and_the_api_answer_a_bad_session_with_409(client_for, world: World):
    session = Session.objects.get(event=world.event, code="day1-pm")
    Session.objects.filter(pk=session.pk).update(end=session.start - timedelta(minutes=5))
    client = client_for(world.organizer)
    report = client.get(reverse("reports:event_report", args=[world.event.pk]))
    assert report.status_code == 409
    answer = client.get(f"/api/events/{world.event.pk}/report")
    assert answer.status_code == 409
    assert answer.json()["errors"][0]["field"] == "end"


def test_a_move_checked_against_a_bad_stored_window_names_the_organization(
    client_for, world: World
):
    Participation.objects.filter(pk=world.tegnology.pk).update(
        availability=[{"start": "2024-11-18T15:00:00+08:00", "end": "2024-11-18T14:00:00+08:00"}]
    )
    response = client_for(world.organizer).post(
        f"/api/events/{world.event.pk}/meetings/{world.published.pk}/move",
        {"session": "day1-pm", "start": "2024-11-18T14:25:00+08:00"},
        content_type="application/json",
    )
    assert response.status_code == 409
    error = response.json()["errors"][0]
    assert error["field"] == "availability"
    assert error["message"].startswith("TEGnology: availability: the window ends at")


def test_the_interpreters_page_opens_and_fixes_a_bad_stored_interpreter(client_for, world: World):
    interpreter = Interpreter.objects.get(event=world.event)
    Interpreter.objects.filter(pk=interpreter.pk).update(
        languages=["dk", "en"], availability=[{"start": 1}]
    )
    client = client_for(world.organizer)
    page = reverse("orga:edit_interpreter", args=[world.event.pk, interpreter.pk])
    assert client.get(page).status_code == 200
    from matchfair.web.meetings.forms import AvailabilityForm

    every_slot = {
        name: [
            key
            for key in AvailabilityForm(world.event, None).slots
            if name.endswith(f"_{key.split('-')[0]}")
        ]
        for name in AvailabilityForm(world.event, None).fields
    }
    response = client.post(page, {"code": interpreter.code, "languages": "zh, en", **every_slot})
    assert response.status_code == 302
    fixed = Interpreter.objects.get(pk=interpreter.pk)
    assert (fixed.languages, fixed.availability) == (["zh", "en"], None)
    assert client.get(reverse("orga:export_event", args=[world.event.pk])).status_code == 200
