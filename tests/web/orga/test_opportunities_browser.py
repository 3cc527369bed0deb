"""The organizer's new pages of issue 13, walked in chromium in Chinese: from home to the
event's opportunities, filtered by language, on to the organization and its
recommendations."""

import pytest

from tests.web import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_organizer_clicks_from_home_to_opportunities_and_recommendations(live_server, browser):
    world = factories.build_world()
    world.organizer.set_password(factories.PASSWORD)
    world.organizer.save()
    context = browser.new_context(base_url=live_server.url, locale="zh-CN")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/login/")
    page.fill("#id_username", world.organizer.get_username())
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    page.get_by_role("link", name=world.event.name).first.click()
    page.locator("nav.event-nav").get_by_role("link", name="合作机会", exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/events/{world.event.pk}/opportunities/")
    page.select_option("#id_language", "zh")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_load_state()
    rows = page.locator("main table tbody tr")
    assert rows.count() == 1
    assert "光伏储能联合研发" in rows.first.inner_text()

    rows.first.get_by_role("link", name=world.tsinghua.organization.name).click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/organizations/{world.tsinghua.pk}/edit/")
    page.get_by_role("link", name="该机构的推荐").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/organizations/{world.tsinghua.pk}/recommendations/")
    assert page.get_by_role("button", name="开始推荐计算").is_visible()
    context.close()
