"""A ``<script>`` in an organization's name, profile and opportunity shows as text on every page."""

import pytest
from django.test import Client

from matchfair.web.directory.models import Opportunity, Organization
from tests.web.factories import World, build_world
from tests.web.pages import html_pages, ids

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("owned")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile_world(db) -> World:
    world = build_world()
    for participation in (world.smart_eye, world.tegnology, world.tsinghua):
        Organization.objects.filter(pk=participation.organization_id).update(
            name=f"{participation.code} {PAYLOAD}"
        )
        participation.description = PAYLOAD
        participation.save(update_fields=["description"])
    Opportunity.objects.filter(event=world.event).update(title=PAYLOAD, description=PAYLOAD)
    world.smart_eye_user.first_name = PAYLOAD
    world.smart_eye_user.save()
    return world


def raw_payloads(client: Client, pages) -> dict[str, int]:
    found = {}
    for page in pages:
        response = client.get(page.path, follow=False)
        assert response.status_code < 500, page.path
        if "html" in response.get("Content-Type", ""):
            body = response.content.decode()
            if "<script>alert" in body or "<img src=x" in body:
                found[page.path] = response.status_code
    return found


@pytest.mark.parametrize("who", ["organizer", "smart_eye_user", "teg_user"])
def test_no_page_lets_a_script_through(hostile_world: World, who: str):
    client = Client()
    client.force_login(getattr(hostile_world, who))
    own = hostile_world.smart_eye if who == "smart_eye_user" else hostile_world.tegnology
    pages = html_pages(ids(hostile_world, own))
    assert len(pages) > 20
    assert raw_payloads(client, pages) == {}


def test_the_escaped_name_is_shown_as_text(hostile_world: World):
    client = Client()
    client.force_login(hostile_world.organizer)
    page = client.get(f"/events/{hostile_world.event.pk}/organizations/").content.decode()
    assert "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;" in page
