"""A table screen in chromium: Chinese names as written, and it reloads itself until revoked.

The screen reloads through its ``Refresh`` header (no script): once the organizer
revokes the link, the next reload gets the 404, with no one touching the screen.
"""

from datetime import timedelta

import pytest

from matchfair.web.eventday.domain.screens import new_screen_link, revoke_screen_link
from tests.web import factories
from tests.web.eventday.day import NINE_THIRTY, meeting_between, set_clock

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_table_screen_shows_chinese_names_and_goes_dark_when_revoked(
    live_server, browser, monkeypatch
):
    fair = factories.event(factories.organizer())
    german = factories.german_battery_maker(fair)
    chinese = factories.participant(
        fair, name="北京新能源科技有限公司", country="CN", email="li@bj.example"
    )
    meeting_between(german, chinese)
    token = new_screen_link(event=fair)
    set_clock(monkeypatch, NINE_THIRTY + timedelta(minutes=5))
    context = browser.new_context(base_url=live_server.url, locale="zh-CN")
    context.set_default_timeout(30_000)
    page = context.new_page()
    path = f"/screens/{token}/tables/table-2/"
    page.goto(path)
    main = page.locator("main").inner_text()
    assert "北京新能源科技有限公司" in main
    assert "Sonnenwerk GmbH" in main
    revoke_screen_link(event=fair)
    reloaded = page.wait_for_event(
        "response", lambda response: response.url.endswith(path), timeout=40_000
    )
    assert reloaded.status == 404
    context.close()
