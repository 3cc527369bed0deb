"""The organizer's live board and screens page: who may open them, what they show and change."""

from datetime import timedelta

import pytest
from django.urls import reverse

from matchfair.web.eventday.models import DayRules
from matchfair.web.eventday.screens import screen_event
from matchfair.web.meetings.models import Meeting
from matchfair.web.outcomes.models import MeetingOutcome
from tests.web.eventday.day import NINE_THIRTY, meeting_between, set_clock


@pytest.fixture
def meeting(german, french) -> Meeting:
    return meeting_between(german, french)


def test_the_dashboard_links_the_board_and_the_screens(client_for, owner, fair):
    page = client_for(owner).get(reverse("orga:event", args=[fair.pk])).content.decode()
    assert reverse("orga:live_board", args=[fair.pk]) in page
    assert reverse("orga:screens", args=[fair.pk]) in page


def test_only_organizers_open_the_board(client_for, german_client, fair, client):
    board = reverse("orga:live_board", args=[fair.pk])
    assert german_client.get(board).status_code == 403
    assert client.get(board).status_code == 302
    assert german_client.get(reverse("orga:screens", args=[fair.pk])).status_code == 403


def test_the_board_shows_the_running_slot_and_refreshes_itself(
    client_for, owner, fair, meeting, monkeypatch
):
    set_clock(monkeypatch, NINE_THIRTY + timedelta(minutes=3))
    response = client_for(owner).get(reverse("orga:live_board", args=[fair.pk]))
    assert response["Refresh"] == "30"
    page = response.content.decode()
    assert "Sonnenwerk GmbH – Vignoble Exportateur" in page
    assert "not started" in page
    # Before the grace period, no no-show button.
    assert reverse("orga:live_no_show", args=[fair.pk, meeting.pk, meeting.b_id]) not in page


def test_the_organizer_marks_a_no_show_on_the_board(
    client_for, owner, fair, meeting, monkeypatch, django_capture_on_commit_callbacks
):
    set_clock(monkeypatch, NINE_THIRTY + timedelta(minutes=11))
    client = client_for(owner)
    page = client.get(reverse("orga:live_board", args=[fair.pk])).content.decode()
    no_show = reverse("orga:live_no_show", args=[fair.pk, meeting.pk, meeting.b_id])
    assert no_show in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(no_show)
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert MeetingOutcome.objects.get().status == "no-show"


def test_a_refused_no_show_is_said_on_the_board(client_for, owner, fair, meeting, monkeypatch):
    set_clock(monkeypatch, NINE_THIRTY + timedelta(minutes=1))
    no_show = reverse("orga:live_no_show", args=[fair.pk, meeting.pk, meeting.b_id])
    page = client_for(owner).post(no_show, follow=True).content.decode()
    assert "grace period" in page
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_screens_page_makes_renews_and_revokes_the_link(client_for, owner, fair):
    client = client_for(owner)
    screens = reverse("orga:screens", args=[fair.pk])
    link = reverse("orga:screen_link", args=[fair.pk])
    assert "no-link" in client.get(screens).content.decode()
    client.post(link, {"action": "new"})
    first = DayRules.objects.get(event=fair).screen_token
    page = client.get(screens).content.decode()
    assert reverse("portal:entrance_screen", args=[first]) in page
    assert reverse("portal:table_screen", args=[first, "table-4"]) in page
    assert reverse("portal:table_screen", args=[first, "table-1,table-2,table-3,table-4"]) in page
    client.post(link, {"action": "new"})
    assert screen_event(first) is None
    client.post(link, {"action": "revoke"})
    assert DayRules.objects.get(event=fair).screen_token is None
