"""Two pairs book the last free table at once, in two browsers (Debian's chromium).

Both delegates open Meet now with their partner while one table is free and both see
it offered; both press Book: the first pair gets the table and lands on its agenda
with the meeting, the second stays on the page, which still offered the table, and
reads that it is taken. The presses go one after the other: the in-memory SQLite
test database refuses a second writer outright ("table is locked") instead of making
it wait; the truly simultaneous bookings are proven on PostgreSQL
(``tests/web/eventday/test_spot_booking_race.py``, ``bench/spot_booking_rush.py``).
"""

from datetime import datetime

import pytest
from playwright.sync_api import Browser, Page

from matchfair.web.meetings.models import Meeting
from tests.web import factories
from tests.web.eventday.spot_world import spot_world
from tests.web.factories import BERLIN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(browser: Browser, base: str, user) -> Page:
    user.set_password(factories.PASSWORD)
    user.save()
    page = browser.new_context(base_url=base, locale="en", timezone_id="Europe/Berlin").new_page()
    page.set_default_timeout(30_000)
    page.goto("/login/")
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def _meet_now(page: Page, own, partner) -> None:
    """From the agenda's Meet now, find the partner by name and open its slots."""
    page.goto(f"/my/{own.pk}/agenda/")
    page.get_by_role("link", name="Meet now", exact=True).click()
    page.fill("#spot-query", partner.organization.name)
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=partner.organization.name).click()
    page.wait_for_load_state()


def test_two_pairs_book_the_last_free_table_at_once(live_server, browser, owner, monkeypatch):
    monkeypatch.setattr(
        "django.utils.timezone.now", lambda: datetime(2026, 12, 1, 11, 10, tzinfo=BERLIN)
    )
    world = spot_world(owner)
    world.event.tables = 1
    world.event.save(update_fields=["tables"])
    other = factories.participant(
        world.event, name="Danish Pumps A/S", country="DK", email="pumps@fair.example"
    )
    german = _signed_in(browser, live_server.url, factories.user_of(world.german))
    chinese = _signed_in(browser, live_server.url, factories.user_of(world.chinese))
    _meet_now(german, world.german, world.nordic)
    _meet_now(chinese, world.chinese, other)
    # 11:10: only the 11:00 and 11:30 slots are left; both pages offer the one table then.
    for page in (german, chinese):
        assert page.locator("td", has_text="table-1").count() == 2

    german.get_by_role("button", name="Book").last.click()
    chinese.get_by_role("button", name="Book").last.click()

    booked = Meeting.objects.get(event=world.event)
    assert (booked.a_id, booked.b_id, booked.location) == (
        world.german.pk,
        world.nordic.pk,
        "table-1",
    )
    assert "/agenda/" in german.url
    assert "is booked and on both agendas" in german.locator("body").inner_text()
    assert "Nordic Wind AS" in german.locator("table.agenda").inner_text()
    assert "/meet/" in chinese.url
    refusal = chinese.locator("[data-spot-refused]").inner_text()
    assert "The meeting could not be booked" in refusal
    assert "The 1 table is taken then." in refusal
