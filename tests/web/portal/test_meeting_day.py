"""The agenda's meetings of today: "we are here", "no show", and the room link that notes "joined"."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matchfair.web.eventday.domain.badges import refresh_badges
from matchfair.web.eventday.models import Presence
from matchfair.web.meetings.models import Meeting
from matchfair.web.meetings.queries import room_link
from matchfair.web.outcomes.models import MeetingOutcome
from tests.web import factories
from tests.web.eventday.day import NINE_THIRTY, meeting_between, set_clock


@pytest.fixture
def meeting(german, french) -> Meeting:
    return meeting_between(german, french)


def _agenda(client, side):
    return client.get(reverse("portal:agenda", args=[side.pk]))


def test_today_the_agenda_offers_we_are_here(german_client, german, meeting, monkeypatch):
    set_clock(monkeypatch, NINE_THIRTY - timedelta(minutes=5))
    page = _agenda(german_client, german)
    here = reverse("portal:meeting_here", args=[german.pk, meeting.pk])
    assert here.encode() in page.content
    assert b"Vignoble Exportateur" in page.content
    german_client.post(here)
    german_client.post(here)
    assert Presence.objects.filter(meeting=meeting, participation=german).count() == 1


def test_another_day_shows_no_live_block(german_client, german, meeting, monkeypatch):
    set_clock(monkeypatch, NINE_THIRTY + timedelta(days=2))
    assert b"meetings-today" not in _agenda(german_client, german).content


def test_no_show_is_offered_after_the_grace_and_frees_the_slot(
    german_client,
    german,
    french,
    meeting,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    no_show = reverse("portal:meeting_no_show", args=[german.pk, meeting.pk])
    set_clock(monkeypatch, NINE_THIRTY + timedelta(minutes=9))
    assert no_show.encode() not in _agenda(german_client, german).content
    refused = german_client.post(no_show, follow=True)
    assert b"grace period" in refused.content
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    set_clock(monkeypatch, NINE_THIRTY + timedelta(minutes=10))
    assert no_show.encode() in _agenda(german_client, german).content
    with django_capture_on_commit_callbacks(execute=True):
        german_client.post(no_show)
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert MeetingOutcome.objects.get().status == "no-show"


def test_a_stranger_cannot_say_here_for_another_organization(
    french_client,
    german,
    meeting,
    monkeypatch,
):
    set_clock(monkeypatch, NINE_THIRTY)
    response = french_client.post(reverse("portal:meeting_here", args=[german.pk, meeting.pk]))
    assert response.status_code == 403
    assert not Presence.objects.exists()


def test_opening_the_room_notes_that_the_side_joined(german_client, german, french, monkeypatch):
    online = meeting_between(german, french, online=True)
    set_clock(monkeypatch, NINE_THIRTY + timedelta(minutes=1))
    agenda = _agenda(german_client, german).content
    room = reverse("portal:join_room", args=[german.pk, online.pk])
    assert room.encode() in agenda
    response = german_client.get(room)
    assert response.status_code == 302
    assert response["Location"] == room_link(online)
    presence = Presence.objects.get(meeting=online)
    assert (presence.participation, presence.how) == (german, "joined")


def test_opening_the_room_days_before_notes_nothing(german_client, german, french, monkeypatch):
    online = meeting_between(german, french, online=True)
    set_clock(monkeypatch, NINE_THIRTY - timedelta(days=3))
    response = german_client.get(reverse("portal:join_room", args=[german.pk, online.pk]))
    assert response["Location"] == room_link(online)
    assert not Presence.objects.exists()


def test_the_room_of_another_organizations_meeting_is_not_found(
    german_client, german, french, fair
):
    third = factories.participant(fair, name="Third Ltd", country="GB", email="t@third.example")
    theirs = meeting_between(french, third, online=True)
    response = german_client.get(reverse("portal:join_room", args=[german.pk, theirs.pk]))
    assert response.status_code == 404


def _agenda_queries(client, side) -> int:
    with CaptureQueriesContext(connection) as captured:
        _agenda(client, side)
    return len(captured)


def test_the_live_block_costs_the_same_queries_for_one_or_many_meetings(
    german_client, german, french, fair, monkeypatch
):
    set_clock(monkeypatch, NINE_THIRTY)
    refresh_badges(event=fair)  # the agenda makes the reader's badge on a first visit
    meeting_between(german, french)
    one = _agenda_queries(german_client, german)
    for number in range(1, 4):
        partner = factories.participant(
            fair, name=f"Partner {number}", country="GB", email=f"p{number}@x.example"
        )
        meeting_between(
            german,
            partner,
            start=NINE_THIRTY + timedelta(minutes=30 * number),
            location=f"table-{number}",
        )
    assert _agenda_queries(german_client, german) == one
