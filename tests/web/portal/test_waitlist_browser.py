"""A French delegate in chromium joins a full bus's waitlist, sees the position, and gets the seat.

The seat is given back by the only other organization on the bus; the delegate's next
look at the agenda shows the place taken and the inbox says so, in French.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from matchfair.web.eventday.domain import waitlists
from matchfair.web.events.domain.programme import add_agenda_item
from tests.web import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_delegate_waits_for_a_full_bus_and_gets_the_seat(live_server, browser):
    fair = factories.event(factories.organizer())
    seated = factories.participant(
        fair, name="Sonnenwerk GmbH", country="DE", email="anna@sonnenwerk.example"
    )
    waiting = factories.participant(
        fair, name="Lumière SAS", country="FR", email="lea@lumiere.example", language="fr"
    )
    start = datetime(2026, 12, 1, 14, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    bus = add_agenda_item(
        event=fair,
        kind="site-visit",
        title="Bus to the wind farm",
        start=start,
        end=start + timedelta(hours=3),
        capacity=1,
    )
    waitlists.sign_up(item=bus, participation=seated)

    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/login/")
    page.fill("#id_username", "lea@lumiere.example")
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(f"/my/{waiting.pk}/agenda/")
    page.get_by_role("button", name="S’inscrire sur la liste d’attente").click()
    page.wait_for_load_state()
    assert "Liste d’attente : n° 1" in page.locator("main").inner_text()

    waitlists.cancel_sign_up(item=bus, participation=seated)
    page.reload()
    row = page.locator("tr", has_text="Bus to the wind farm")
    assert row.get_by_role("button", name="Annuler l’inscription").is_visible()
    page.goto("/my/notifications/")
    assert "vous êtes inscrit" in page.locator("main").inner_text()
    context.close()
