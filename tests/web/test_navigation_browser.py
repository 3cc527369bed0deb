"""Issue 13's orphan pages, walked in a real browser (Debian's chromium through Playwright):
an organizer clicks from home to outcomes, agreements, rates and the report; a
participant from home to their outcomes; anyone from a missing page back home."""

import pytest
from playwright.sync_api import Browser, Page

from tests.web import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(browser: Browser, base: str, user) -> Page:
    user.set_password(factories.PASSWORD)
    user.save()
    page = browser.new_context(base_url=base, locale="en").new_page()
    page.set_default_timeout(30_000)
    page.goto("/login/")
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def _click(page: Page, scope: str, name: str) -> None:
    page.locator(scope).get_by_role("link", name=name, exact=True).first.click()
    page.wait_for_load_state()


def test_an_organizer_clicks_from_home_to_every_outcome_page_and_the_report(live_server, browser):
    world = factories.build_world()
    page = _signed_in(browser, live_server.url, world.organizer)
    page.get_by_role("link", name=world.event.name).first.click()
    _click(page, "nav.event-nav", "Outcomes")
    assert page.url.endswith(f"/events/{world.event.pk}/outcomes/")
    for tab, address in [
        ("Agreements", "/agreements/"),
        ("Cooperation projects", "/projects/"),
        ("Exchange rates", "/rates/"),
    ]:
        _click(page, "nav.tabs", tab)
        assert page.url.endswith(f"/events/{world.event.pk}{address}"), tab
    _click(page, "nav.event-nav", "Report")
    assert page.url.endswith(f"/events/{world.event.pk}/report/")


def test_a_participant_clicks_from_home_to_their_outcomes(live_server, browser):
    world = factories.build_world()
    page = _signed_in(browser, live_server.url, world.teg_user)
    page.get_by_role("link", name="Outcomes").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/events/my/{world.tegnology.pk}/outcomes/")
    assert page.title() == "Outcomes · Matchfair"
    assert page.get_by_role("heading", name="Your meetings").is_visible()


def test_a_missing_page_leads_back_home(live_server, browser):
    world = factories.build_world()
    page = _signed_in(browser, live_server.url, world.viewer)
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert page.get_by_role("heading", name="There is no page at this address").is_visible()
    page.get_by_role("link", name="Back to your home page").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Events you view").is_visible()
