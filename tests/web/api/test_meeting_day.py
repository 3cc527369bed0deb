"""Presence, no-shows and the live board through the API: the same rules as the pages."""

from datetime import timedelta

import pytest

from matchfair.web.eventday.models import Presence
from matchfair.web.meetings.models import Meeting
from tests.web import factories
from tests.web.eventday.day import NINE_THIRTY, meeting_between, set_clock


@pytest.fixture
def meeting(german, french) -> Meeting:
    return meeting_between(german, french)


def post(client, url: str, body: dict):
    return client.post(url, body, content_type="application/json")


def _url(meeting, what):
    return f"/api/events/{meeting.event_id}/meetings/{meeting.pk}/{what}"


def test_a_participant_says_it_is_there_once(german_client, german, meeting, monkeypatch):
    set_clock(monkeypatch, NINE_THIRTY)
    first = post(german_client, _url(meeting, "presence"), {})
    again = post(german_client, _url(meeting, "presence"), {})
    assert first.status_code == again.status_code == 200
    assert first.json()["organization"] == german.pk
    assert Presence.objects.count() == 1
    listed = german_client.get(_url(meeting, "presence")).json()
    assert [p["how"] for p in listed] == ["here"]


def test_a_participant_speaks_only_for_itself(german_client, french, meeting, monkeypatch):
    set_clock(monkeypatch, NINE_THIRTY)
    response = post(german_client, _url(meeting, "presence"), {"organization": french.pk})
    assert response.status_code == 403


def test_the_organizer_names_the_side(client_for, owner, german, meeting, monkeypatch):
    set_clock(monkeypatch, NINE_THIRTY)
    client = client_for(owner)
    missing = post(client, _url(meeting, "presence"), {})
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "organization"
    made = post(client, _url(meeting, "presence"), {"organization": german.pk, "how": "joined"})
    assert made.json()["how"] == "joined"


def test_no_show_before_the_grace_is_a_409_naming_the_field(
    german_client, french, meeting, monkeypatch
):
    set_clock(monkeypatch, NINE_THIRTY + timedelta(minutes=5))
    response = post(german_client, _url(meeting, "no-show"), {"absent": french.pk})
    assert response.status_code == 409
    assert response.json()["errors"][0]["field"] == "absent"
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_no_show_after_the_grace_frees_the_slot(german_client, french, meeting, monkeypatch):
    set_clock(monkeypatch, NINE_THIRTY + timedelta(minutes=10))
    response = post(german_client, _url(meeting, "no-show"), {"absent": french.pk})
    assert response.status_code == 201
    assert response.json()["status"] == "no-show"
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_absent_side_cannot_mark_itself(french_client, french, meeting, monkeypatch):
    set_clock(monkeypatch, NINE_THIRTY + timedelta(minutes=10))
    response = post(french_client, _url(meeting, "no-show"), {"absent": french.pk})
    assert response.status_code == 409


def test_a_stranger_of_the_event_does_not_see_the_meeting(client_for, owner, meeting):
    other = factories.event(owner, name="Another fair")
    stranger = factories.participant(other, name="Stranger AG", country="AT", email="s@x.example")
    response = client_for(factories.user_of(stranger)).get(_url(meeting, "presence"))
    assert response.status_code == 404


def test_the_board_is_for_organizers(client_for, owner, german_client, fair, meeting):
    assert german_client.get(f"/api/events/{fair.pk}/live-board").status_code == 403
    board = client_for(owner).get(f"/api/events/{fair.pk}/live-board")
    assert board.status_code == 200
    assert set(board.json()) == {"day", "checked_in", "badges", "free_tables", "slots"}
