"""Every page a role may open is reached by following links from its home page.

A page reached by no link does not exist for its users (issue 13: outcomes, agreements,
projects, rates and the report were open to organizers, the outcomes page to
participants, and no link led there). The crawl follows ``<a href>`` within the site
from ``/`` with the role's own client; the pages it must find are those of the URL map
(``tests/web/pages.py``) that the role opens with an answer of 200.
"""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from tests.web.factories import World
from tests.web.pages import NOT_HTML, SKIPPED_PREFIXES, html_pages, ids

pytestmark = pytest.mark.django_db

# Links the crawl does not follow: files, the admin and API, and leaving the site.
NOT_FOLLOWED = (*("/" + prefix for prefix in SKIPPED_PREFIXES), "/logout/")
# Pages no signed-in person navigates to: signing in and resetting a forgotten password
# are for someone signed out, and the "done" pages are where a submitted form leads.
NOT_NAVIGATED = {
    "portal:login",
    "portal:password_reset",
    "portal:password_reset_done",
    "portal:password_reset_complete",
    "portal:password_change_done",
}
# The participant's list of events; an account that is no delegate has none to list.
DELEGATES_ONLY = {"portal:my_events"}


class _Links(HTMLParser):
    """The ``<a href>`` of a page, and the addresses its forms send to."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.actions: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.hrefs.append(found["href"])
        if tag == "form" and found.get("action"):
            self.actions.append(found["action"])


def _site_paths(base: str, hrefs: list[str]) -> set[str]:
    paths = set()
    for href in hrefs:
        url = urlsplit(urljoin(base, href))
        if url.scheme not in ("", "http") or url.netloc not in ("", "testserver"):
            continue
        path = url.path
        if path.startswith(NOT_FOLLOWED) or path.endswith(NOT_HTML[:-1]):
            continue
        paths.add(path)
    return paths


def _links(base: str, html: str) -> tuple[set[str], set[str]]:
    """The site's pages a page links to, and those its forms are sent to."""
    parser = _Links()
    parser.feed(html)
    return _site_paths(base, parser.hrefs), _site_paths(base, parser.actions)


def _view_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def reached_by_links(client: Client) -> set[str]:
    """The URL names of every page a crawl from the home page reaches.

    A form's address counts as reached (a form sends there) but is not opened: what a
    form posts to is no page to navigate to.
    """
    seen: set[str] = set()
    sent_to: set[str] = set()
    queue = ["/"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        links, actions = _links(path, response.content.decode())
        queue.extend(links - seen)
        sent_to |= actions
    return {name for name in map(_view_name, seen | sent_to) if name}


def orphans(client: Client, world: World, participation, *, delegate: bool) -> list[str]:
    """The pages of the URL map the client opens but no link from its home page reaches."""
    reached = reached_by_links(client) | NOT_NAVIGATED
    if not delegate:
        reached |= DELEGATES_ONLY
    opened = {
        _view_name(page.path): page.path
        for page in html_pages(ids(world, participation))
        if client.get(page.path).status_code == 200
    }
    return sorted(f"{name} ({path})" for name, path in opened.items() if name not in reached)


@pytest.fixture
def on_the_event_day(world: World, monkeypatch) -> None:
    """The clock at the event's first session: Meet now is linked only while one is left."""
    first = world.event.sessions.order_by("start").first()
    monkeypatch.setattr("django.utils.timezone.now", lambda: first.start)


def test_an_organizer_reaches_every_page_they_may_open_by_links(
    client_for, world: World, on_the_event_day
):
    missing = orphans(client_for(world.organizer), world, world.tegnology, delegate=False)
    assert not missing, "no link reaches: " + ", ".join(missing)


def test_a_participant_reaches_every_page_they_may_open_by_links(
    client_for, world: World, on_the_event_day
):
    missing = orphans(client_for(world.teg_user), world, world.tegnology, delegate=True)
    assert not missing, "no link reaches: " + ", ".join(missing)


def test_a_viewer_reaches_every_page_they_may_open_by_links(client_for, world: World):
    missing = orphans(client_for(world.viewer), world, world.tegnology, delegate=False)
    assert not missing, "no link reaches: " + ", ".join(missing)
