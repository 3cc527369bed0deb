"""The access rules of issue 7, attacked through the pages (the API has its own tests)."""

import pytest

from tests.web.factories import World
from tests.web.pages import html_pages, ids

pytestmark = pytest.mark.django_db

REFUSED = {302, 403, 404, 405}


def event_pages(world: World):
    return [p for p in html_pages(ids(world, world.smart_eye)) if "event_id" in p.kwargs]


def participant_pages(world: World, participation):
    pages = html_pages(ids(world, participation))
    return [p for p in pages if "participation_id" in p.kwargs]


def test_an_organizer_of_another_event_reaches_no_page_of_this_one(client_for, world: World):
    client = client_for(world.other_organizer)
    pages = event_pages(world)
    assert len(pages) > 10
    reached = {p.path: client.get(p.path).status_code for p in pages}
    assert {path: code for path, code in reached.items() if code not in REFUSED} == {}


def test_a_participant_reaches_no_organizer_page(client_for, world: World):
    client = client_for(world.smart_eye_user)
    reached = {p.path: client.get(p.path).status_code for p in event_pages(world)}
    assert {path: code for path, code in reached.items() if code not in REFUSED} == {}


def test_a_participant_reaches_no_page_of_another_organization(client_for, world: World):
    client = client_for(world.smart_eye_user)
    pages = participant_pages(world, world.tegnology)
    assert len(pages) > 5
    reached = {p.path: client.get(p.path).status_code for p in pages}
    assert {path: code for path, code in reached.items() if code not in REFUSED} == {}


def test_a_viewer_changes_nothing_and_reads_no_participant_page(client_for, world: World):
    client = client_for(world.viewer)
    pages = participant_pages(world, world.tegnology)
    reached = {p.path: client.get(p.path).status_code for p in pages}
    assert {path: code for path, code in reached.items() if code not in REFUSED} == {}


def test_a_participants_own_pages_show_no_draft_meeting_and_no_unaccepted_contact(
    client_for, world: World
):
    client = client_for(world.smart_eye_user)
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
