"""In two real browsers (Debian's chromium): one side cancels a meeting, the other sees why.

The German delegate cancels from her agenda with a reason; the French partner, signed
in in another browser context, finds the meeting gone from the agenda and listed as
cancelled, by whom and why, and a notification in the inbox.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page

from matchfair.web.events.models import Session
from matchfair.web.meetings.models import Meeting
from tests.web import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "Unser Flug wurde gestrichen."


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


def test_a_participant_cancels_and_the_partner_sees_it_on_their_agenda(
    live_server, browser: Browser
):
    owner = factories.organizer()
    fair = factories.event(owner)
    german = factories.german_battery_maker(fair)
    french = factories.french_winery(fair)
    start = timezone.now() + timedelta(days=1)
    meeting = Meeting.objects.create(
        event=fair,
        a=german,
        b=french,
        session=Session.objects.get(event=fair),
        start=start,
        end=start + timedelta(minutes=30),
        online=True,
        published=True,
    )
    partner_context, partner = _signed_in(browser, live_server.url, "paul@vignoble.example", "fr")
    partner.goto(f"/my/{french.pk}/agenda/")
    assert partner.locator("table.agenda").get_by_text("Sonnenwerk GmbH").count() == 1

    context, page = _signed_in(browser, live_server.url, "anna@sonnenwerk.example", "de")
    page.goto(f"/my/{german.pk}/agenda/")
    page.locator("details.cancel-meetings summary").click()
    page.locator(f"a[href='/my/{german.pk}/meetings/{meeting.pk}/cancel/']").click()
    page.fill("#id_reason", REASON)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/my/{german.pk}/agenda/")
    assert not Meeting.objects.filter(pk=meeting.pk).exists()

    partner.reload()
    assert partner.locator("table.agenda").get_by_text("Sonnenwerk GmbH").count() == 0
    cancelled = partner.locator("table.cancelled tbody tr")
    assert cancelled.count() == 1
    row = cancelled.first.inner_text()
    assert "Sonnenwerk GmbH" in row
    assert REASON in row
    partner.goto("/my/notifications/")
    assert "Sonnenwerk GmbH a annulé votre rendez-vous du" in partner.content()
    context.close()
    partner_context.close()
