"""The browser-zone question in chromium: the zone the browser reports is offered and stored.

The browser runs in New York's time zone (Playwright's ``timezone_id``) while the event
is in Berlin: the prompt names America/New York, one click stores it, the agenda shows
its times there, and a reload asks nothing more.
"""

import pytest

from matchfair.web.notify.models import PersonalSettings
from tests.web import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_online_participant_takes_the_browsers_zone_once(live_server, browser):
    fair = factories.event(factories.organizer())
    online = factories.participant(
        fair,
        name="Remote Analytics",
        country="US",
        email="ray@remote.example",
        timezone="",
        attendance="online",
        language="de",
    )
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", timezone_id="America/New_York"
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/login/")
    page.fill("#id_username", "ray@remote.example")
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(f"/my/{online.pk}/agenda/")
    use = page.locator("[data-use-zone]")
    assert use.is_visible()
    assert "America/New York" in use.inner_text()
    assert "Meine Zeitzone verwenden" in use.inner_text()
    use.click()
    page.wait_for_load_state()

    assert page.url.endswith(f"/my/{online.pk}/agenda/")
    assert "America/New_York" in page.locator("main").inner_text()
    assert page.locator("[data-zone-prompt]").count() == 0
    personal = PersonalSettings.objects.get(user=factories.user_of(online))
    assert personal.timezone == "America/New_York"
    page.reload()
    assert page.locator("[data-zone-prompt]").count() == 0
    context.close()
