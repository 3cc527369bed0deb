"""Sectors in a real browser (Debian's chromium through Playwright): a participant reading
Chinese ticks a NACE section by its Chinese name, and finds partners by it."""

import pytest
from django.urls import reverse
from playwright.sync_api import Browser

from tests.web import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_section_is_ticked_and_filtered_by_its_chinese_name(live_server, browser: Browser):
    base = live_server.url
    fair = factories.event(factories.organizer())
    german = factories.german_battery_maker(fair)
    french = factories.french_winery(fair)
    french.nace = ["A"]
    french.save()
    context = browser.new_context(base_url=base, locale="zh-CN")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/login/")
    page.fill("#id_username", factories.user_of(german).get_username())
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    context.add_cookies([{"name": "django_language", "value": "zh-hans", "url": base}])

    page.goto(reverse("portal:profile", args=[german.pk]))
    page.get_by_label("D · 电力、燃气、蒸汽和空调供应").check()
    page.fill("#id_sectors", "Battery Storage")
    page.locator("main form.stacked button[type=submit]").click()
    page.wait_for_load_state()
    german.refresh_from_db()
    assert (german.nace, german.sectors) == (["D"], ["battery-storage"])

    page.goto(reverse("portal:catalog", args=[german.pk]))
    page.select_option("#id_section", label="A · 农业、林业和渔业")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("ul.catalog h3").all_inner_texts() == ["Vignoble Exportateur"]
    context.close()
