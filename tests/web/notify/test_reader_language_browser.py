"""In a real browser (Debian's chromium): a German organizer's change, a Chinese participant's inbox.

The organizer works in German and publishes the schedule; the Chinese participant,
whose e-mail language was left at English, opens the inbox in a Chinese browser and
reads the notification in Chinese, not in the organizer's German nor the e-mail's
English.
"""

from datetime import datetime

import pytest
from playwright.sync_api import Browser, Page

from matchfair.web.events.models import Session
from matchfair.web.meetings.models import Meeting
from tests.web import factories
from tests.web.factories import BERLIN

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _page(browser: Browser, base: str, locale: str, username: str) -> Page:
    context = browser.new_context(base_url=base, locale=locale)
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def test_a_chinese_participant_reads_a_german_organizers_change_in_chinese(live_server, browser):
    owner = factories.organizer()
    fair = factories.event(owner)
    german = factories.german_battery_maker(fair)
    chinese = factories.participant(
        fair, name="Chengdu Solar Co", country="CN", email="li@cs.example", language="en"
    )
    Meeting.objects.create(
        event=fair,
        a=german,
        b=chinese,
        session=Session.objects.get(event=fair),
        start=datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN),
        end=datetime(2026, 12, 1, 10, 0, tzinfo=BERLIN),
        location="table-2",
    )

    organizer = _page(browser, live_server.url, "de-DE", "organizer")
    organizer.goto(f"/events/{fair.pk}/schedule/")
    assert organizer.locator("html").get_attribute("lang") == "de"
    organizer.once("dialog", lambda dialog: dialog.accept())
    organizer.locator(f"form[action$='/events/{fair.pk}/schedule/publish/'] button").click()
    organizer.wait_for_load_state()

    reader = _page(browser, live_server.url, "zh-CN", factories.user_of(chinese).get_username())
    reader.goto("/my/notifications/")
    inbox = reader.locator("ul.notifications").inner_text()
    assert f"您在 {fair.name} 的日程已发布。" in inbox
    assert "veröffentlicht" not in inbox
    assert "is published" not in inbox
