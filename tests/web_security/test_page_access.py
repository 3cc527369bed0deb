"""The access rules of issue 7, attacked through the pages (the API has its own tests)."""

import pytest
from django.test import Client

from tests.web_api.world import World, build_world
from tests.web_security.pages import html_pages, ids

pytestmark = pytest.mark.django_db

REFUSED = {302, 403, 404, 405}


@pytest.fixture
def world(db) -> World:
    return build_world()


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def event_pages(world: World):
    return [p for p in html_pages(ids(world, world.smart_eye)) if "event_id" in p.kwargs]


def participant_pages(world: World, participation):
    pages = html_pages(ids(world, participation))
    return [p for p in pages if "participation_id" in p.kwargs]


def test_an_organizer_of_another_event_reaches_no_page_of_this_one(world: World):
    client = logged_in(world.other_organizer)
    pages = event_pages(world)
    assert len(pages) > 10
    reached = {p.path: client.get(p.path).status_code for p in pages}
    assert {path: code for path, code in reached.items() if code not in REFUSED} == {}


def test_a_participant_reaches_no_organizer_page(world: World):
    client = logged_in(world.smart_eye_user)
    reached = {p.path: client.get(p.path).status_code for p in event_pages(world)}
    assert {path: code for path, code in reached.items() if code not in REFUSED} == {}


def test_a_participant_reaches_no_page_of_another_organization(world: World):
    client = logged_in(world.smart_eye_user)
    pages = participant_pages(world, world.tegnology)
    assert len(pages) > 5
    reached = {p.path: client.get(p.path).status_code for p in pages}
    assert {path: code for path, code in reached.items() if code not in REFUSED} == {}


def test_a_viewer_changes_nothing_and_reads_no_participant_page(world: World):
    client = logged_in(world.viewer)
    pages = participant_pages(world, world.tegnology)
    reached = {p.path: client.get(p.path).status_code for p in pages}
    assert {path: code for path, code in reached.items() if code not in REFUSED} == {}


def test_a_participants_own_pages_show_no_draft_meeting_and_no_unaccepted_contact(world: World):
    client = logged_in(world.smart_eye_user)
    pages = participant_pages(world, world.smart_eye)
    shown = ""
    for page in pages:
        response = client.get(page.path)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            shown += response.content.decode()
    # Smart Eye's only meeting is an unpublished draft with TEGnology at 14:50 (Shanghai);
    # its request to Tsinghua is unanswered: neither partner's delegate may show.
    assert "tsinghua@example.org" not in shown
    assert "teg@example.org" not in shown
    assert "14:50" not in shown
