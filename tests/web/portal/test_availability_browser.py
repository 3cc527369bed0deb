"""Available times in chromium, across zones: a delegate in Asia/Shanghai, at an event in
Europe/Copenhagen, sees the session's slots in Shanghai time, ticks two, and the stored
window is the right instant in UTC; the page shows the choice again after a reload."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from matchfair.web.directory.models import Participation
from matchfair.web.events.domain.events import create_event
from matchfair.web.events.domain.programme import add_session
from tests.web import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def test_a_shanghai_delegate_sets_times_at_a_copenhagen_event(live_server, browser):
    fair = create_event(
        name="Nordic-China Fair",
        code="",
        timezone="Europe/Copenhagen",
        organizer=factories.organizer(),
    )
    add_session(
        event=fair,
        code="morning",
        start=datetime(2026, 12, 10, 9, 0, tzinfo=COPENHAGEN),
        end=datetime(2026, 12, 10, 12, 0, tzinfo=COPENHAGEN),
        slot_minutes=30,
    )
    lab = factories.participant(
        fair,
        name="Chengdu Photonics Lab",
        country="CN",
        email="li@photonics.example",
        timezone="Asia/Shanghai",
    )
    context = browser.new_context(base_url=live_server.url, timezone_id="Asia/Shanghai")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/login/")
    page.fill("#id_username", "li@photonics.example")
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(f"/my/{lab.pk}/agenda/")
    page.get_by_role("link", name="Available times").click()
    page.wait_for_load_state()
    main = page.locator("main")
    assert "Asia/Shanghai" in main.inner_text()
    # 09:00-12:00 in Copenhagen is 16:00-19:00 in Shanghai, in six slots of 30 minutes.
    labels = [label.strip() for label in main.locator("fieldset label").all_inner_texts()]
    assert labels == [
        "16:00–16:30",
        "16:30–17:00",
        "17:00–17:30",
        "17:30–18:00",
        "18:00–18:30",
        "18:30–19:00",
    ]
    for label in labels:
        if label not in ("17:00–17:30", "17:30–18:00"):
            main.get_by_label(label).uncheck()
    main.get_by_role("button", name="Save available times").click()
    page.wait_for_load_state()

    assert "Your available times are saved." in page.locator("body").inner_text()
    stored = Participation.objects.get(pk=lab.pk).availability
    assert [
        (datetime.fromisoformat(w["start"]), datetime.fromisoformat(w["end"])) for w in stored
    ] == [(datetime(2026, 12, 10, 9, 0, tzinfo=UTC), datetime(2026, 12, 10, 10, 0, tzinfo=UTC))]
    page.reload()
    ticked = [
        label.strip()
        for label in page.locator("fieldset label:has(input:checked)").all_inner_texts()
    ]
    assert ticked == ["17:00–17:30", "17:30–18:00"]
    context.close()
