"""A new participant's whole path in a real browser (Debian's chromium through Playwright).

Invitation link -> sign-up -> profile in Chinese -> a Chinese query finds the German
battery maker -> request -> the German delegate accepts -> the organizer publishes ->
each side's agenda shows the meeting in its own time zone -> the ICS file holds the
right times. Screenshots of the main pages in each language go to test-artifacts/.
"""

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Session
from matchfair.web.meetings.models import Meeting, MeetingRequest
from tests.web import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "portal"
BERLIN = ZoneInfo("Europe/Berlin")
LANGUAGES = ["en", "zh-hans", "de", "fr"]


def _context(browser: Browser, base: str, locale: str, timezone: str = "UTC") -> BrowserContext:
    context = browser.new_context(
        base_url=base, locale=locale, timezone_id=timezone, accept_downloads=True
    )
    context.set_default_timeout(30_000)
    return context


def _log_in(page: Page, username: str) -> None:
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def _screenshots(context: BrowserContext, base: str, pages: dict[str, str]) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = context.new_page()
    for language in LANGUAGES:
        context.add_cookies([{"name": "django_language", "value": language, "url": base}])
        for name, path in pages.items():
            page.goto(path)
            page.screenshot(path=ARTIFACTS / f"{language}-{name}.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(pages["agenda"])
    page.screenshot(path=ARTIFACTS / "phone-agenda.png", full_page=True)
    page.close()


def test_a_new_participant_from_invitation_to_agenda(live_server, browser, tmp_path):
    base = live_server.url
    owner = factories.organizer()
    fair = factories.event(owner)
    german = factories.german_battery_maker(fair)
    factories.french_winery(fair)

    organizer = _context(browser, base, "en-GB").new_page()
    _log_in(organizer, "organizer")
    organizer.goto(f"/events/{fair.pk}/portal/")
    invitation = organizer.input_value("#invitation_link")

    newcomer_context = _context(browser, base, "zh-CN", timezone="Asia/Shanghai")
    newcomer = newcomer_context.new_page()
    newcomer.goto(invitation)
    assert newcomer.locator("html").get_attribute("lang") == "zh-hans"
    newcomer.fill("#id_organization_name", "成都光伏储能科技有限公司")
    assert newcomer.locator("#id_country option[value=CN]").inner_text() == "中国"
    newcomer.select_option("#id_country", "CN")
    newcomer.select_option("#id_kind", "company")
    # On site, the time zone is left to follow the event's; online, the browser's is offered.
    newcomer.select_option("#id_attendance", "onsite")
    assert newcomer.input_value("#id_timezone") == ""
    newcomer.select_option("#id_attendance", "online")
    newcomer.fill("#id_first_name", "伟")
    newcomer.fill("#id_last_name", "张")
    newcomer.fill("#id_email", "wei@chengdu-pv.example")
    newcomer.fill("#id_password", factories.PASSWORD)
    # The form preselects the browser's own time zone for an online participant.
    assert newcomer.input_value("#id_timezone") == "Asia/Shanghai"
    newcomer.select_option("#id_language", "zh-hans")
    newcomer.get_by_role("button", name="报名").click()
    newcomer.wait_for_url("**/profile/")
    chinese = Participation.objects.get(event=fair, organization__name="成都光伏储能科技有限公司")

    newcomer.get_by_label("简介").fill("我们生产光伏组件，希望为电站引进欧洲的电池储能技术。")
    newcomer.get_by_label("您使用的语言").fill("zh, en")
    newcomer.get_by_role("button", name="保存简介").click()
    assert "检测到的简介语言：中文" in newcomer.inner_text("main")
    newcomer.get_by_role("link", name="添加合作机会").click()
    newcomer.select_option("#id_kind", "request")
    newcomer.select_option("#id_type", "technology")
    newcomer.fill("#id_title", "寻找光伏电站的电池储能技术")
    newcomer.get_by_role("button", name="保存").click()
    assert "寻找光伏电站的电池储能技术" in newcomer.inner_text("main")

    newcomer.get_by_role("link", name="寻找伙伴").first.click()
    newcomer.get_by_label("可用任何语言搜索").fill("储能电池")
    newcomer.get_by_role("button", name="搜索").click()
    first = newcomer.locator("ul.catalog > li").first
    assert "Sonnenwerk GmbH" in first.inner_text()
    first.get_by_role("link", name="Sonnenwerk GmbH").click()
    newcomer.get_by_label("留言").fill("希望在会上讨论储能合作。")
    newcomer.get_by_role("button", name="发送请求").click()
    newcomer.wait_for_url("**/requests/")
    assert MeetingRequest.objects.get(requester=chinese, recipient=german).status == "requested"

    partner = _context(browser, base, "de-DE").new_page()
    _log_in(partner, "anna@sonnenwerk.example")
    partner.goto(f"/my/{german.pk}/requests/")
    assert "希望在会上讨论储能合作。" in partner.inner_text("main")
    partner.get_by_role("button", name="Annehmen").click()
    assert MeetingRequest.objects.get(requester=chinese, recipient=german).status == "accepted"

    # The scheduler's run leaves a draft meeting; the organizer reviews and publishes it.
    Meeting.objects.create(
        event=fair,
        a=chinese,
        b=german,
        session=Session.objects.get(event=fair),
        start=datetime(2026, 12, 1, 10, 0, tzinfo=BERLIN),
        end=datetime(2026, 12, 1, 10, 30, tzinfo=BERLIN),
        online=True,
    )
    organizer.goto(f"/events/{fair.pk}/schedule/")
    organizer.get_by_role("button", name="Publish the schedule").click()
    organizer.wait_for_load_state()

    newcomer.goto(f"/my/{chinese.pk}/agenda/")
    row = newcomer.locator("table.agenda tbody tr").first
    assert "17:00" in row.inner_text()
    assert "Sonnenwerk GmbH" in row.inner_text()
    # The room link goes through the portal, which counts the delegate as joined.
    room = row.get_by_role("link", name="线上会议室").get_attribute("href")
    assert room.endswith("/room/")
    joined = newcomer.request.get(room, max_redirects=0)
    assert joined.status == 302
    assert joined.headers["location"].startswith("https://meet.jit.si/matchfair-")
    partner.goto(f"/my/{german.pk}/agenda/")
    assert "10:00" in partner.locator("table.agenda tbody tr").first.inner_text()
    newcomer.goto("/my/notifications/")
    assert "您在 EU-China Cooperation Fair 2026 的日程已发布。" in newcomer.inner_text("main")

    newcomer.goto(f"/my/{chinese.pk}/agenda/")
    with newcomer.expect_download() as download:
        newcomer.get_by_role("link", name="下载（ICS）").click()
    saved = tmp_path / "agenda.ics"
    download.value.save_as(saved)
    (meeting,) = icalendar.Calendar.from_ical(saved.read_bytes()).walk("VEVENT")
    assert meeting.decoded("dtstart") == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert meeting.decoded("dtend") == datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    assert "Sonnenwerk GmbH" in str(meeting["summary"])

    newcomer.goto(f"/my/{chinese.pk}/agenda/")
    newcomer.keyboard.press("Tab")
    assert newcomer.evaluate("document.activeElement.getAttribute('href')") == "#main"

    _screenshots(
        newcomer_context,
        base,
        {
            "sign-up": invitation,
            "profile": f"/my/{chinese.pk}/profile/",
            "catalog": f"/my/{chinese.pk}/catalog/",
            "partner": f"/my/{chinese.pk}/catalog/{german.pk}/",
            "requests": f"/my/{chinese.pk}/requests/",
            "agenda": f"/my/{chinese.pk}/agenda/",
            "notifications": "/my/notifications/",
        },
    )
    assert len(list(ARTIFACTS.glob("*.png"))) >= 4 * 7 + 1
