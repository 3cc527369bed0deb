"""In two real browsers (Debian's chromium): two organizations write to each other.

The German delegate writes to the French winery from its page in the catalog; the
French delegate, signed in in another browser context, sees the unread count in the
portal's menu, reads the message (the count goes) and answers; the German delegate
then sees her own unread count and the answer.
"""

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.web import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(
    browser: Browser, base: str, username: str, locale: str
) -> tuple[BrowserContext, Page]:
    context = browser.new_context(base_url=base, locale=locale)
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return context, page


def _unread(page: Page) -> str:
    badge = page.locator("nav.portal-nav .unread-messages")
    return badge.inner_text() if badge.count() else "0"


def test_two_delegates_write_to_each_other_and_see_the_unread_count(live_server, browser):
    fair = factories.event(factories.organizer())
    german = factories.german_battery_maker(fair)
    french = factories.french_winery(fair)
    _, anna = _signed_in(browser, live_server.url, "anna@sonnenwerk.example", "de")
    _, paul = _signed_in(browser, live_server.url, "paul@vignoble.example", "fr")

    anna.goto(f"/my/{german.pk}/catalog/{french.pk}/")
    anna.locator(f"main a[href='/my/{german.pk}/messages/{french.pk}/']").click()
    anna.fill("#id_text", "Bonjour! Wir suchen Weinimporteure für unsere Kantine.")
    anna.locator("main form button[type=submit]").last.click()
    anna.wait_for_url(f"**/my/{german.pk}/messages/{french.pk}/")
    assert anna.get_by_text("Wir suchen Weinimporteure").count() == 1

    paul.goto(f"/my/{french.pk}/requests/")
    assert _unread(paul) == "1"
    paul.locator(f"nav.portal-nav a[href='/my/{french.pk}/messages/']").click()
    paul.locator(f"main a[href='/my/{french.pk}/messages/{german.pk}/']").click()
    assert paul.get_by_text("Wir suchen Weinimporteure").count() == 1
    assert _unread(paul) == "0"
    paul.fill("#id_text", "Avec plaisir, parlons-en au salon.")
    paul.locator("main form button[type=submit]").last.click()
    paul.wait_for_url(f"**/my/{french.pk}/messages/{german.pk}/")

    anna.goto(f"/my/{german.pk}/agenda/")
    assert _unread(anna) == "1"
    anna.goto(f"/my/{german.pk}/messages/{french.pk}/")
    assert anna.get_by_text("Avec plaisir, parlons-en au salon.").count() == 1
    assert _unread(anna) == "0"
