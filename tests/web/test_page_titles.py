"""Every page's ``<title>`` is a plain name: never page HTML, never the CSRF token.

Issue 13 found the participant's outcomes page with escaped page markup, the CSRF
token among it, inside its ``<title>`` (a block left open in the template). This
walks every HTML page of the URL map as an organizer and as participants and reads
each title.
"""

import re

import pytest
from django.test import Client

from tests.web.factories import World, build_world
from tests.web.pages import html_pages, ids

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


@pytest.fixture
def world(db) -> World:
    return build_world()


def _bad_titles(client: Client, pages) -> dict[str, str]:
    bad = {}
    for page in pages:
        response = client.get(page.path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        head = response.content.decode().partition("</head>")[0]  # charts' SVG titles are not it
        found = TITLE.findall(head)
        title = found[0] if len(found) == 1 else repr(found)
        if "csrf" in title or "&lt;" in title or "<" in title or len(title) > 200:
            bad[page.path] = title[:120]
    return bad


@pytest.mark.parametrize("who", ["organizer", "smart_eye_user", "teg_user"])
def test_no_title_holds_page_markup_or_the_csrf_token(world: World, who: str):
    client = Client()
    client.force_login(getattr(world, who))
    own = world.smart_eye if who == "smart_eye_user" else world.tegnology
    pages = html_pages(ids(world, own))

    assert len(pages) > 20
    assert _bad_titles(client, pages) == {}


def test_a_title_block_left_open_would_be_caught(world: World):
    """The check itself: a title holding the page's form and token is reported."""
    broken = '<title>Outcomes <form><input name="csrfmiddlewaretoken"></title>'

    assert "csrf" in TITLE.findall(broken)[0]
