"""An organizer finds an organization of an earlier edition and invites it back, in chromium."""

import pytest
from playwright.sync_api import Browser

from matchfair.web.directory.models import Participation
from tests.web.factories import PASSWORD, organizer, series_editions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_organizer_invites_an_organization_of_an_earlier_edition_back(
    live_server, browser: Browser, settings
):
    settings.MATCHFAIR_ENCODER = "fake"
    editions = series_editions(organizer())
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/login/")
    page.fill("#id_username", "organizer")
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(f"/events/{editions.later.pk}/")
    page.get_by_role("navigation", name="Event").get_by_role(
        "link", name="Series directory"
    ).click()
    page.get_by_label("Search").fill("lake water")
    page.get_by_role("button", name="Search", exact=True).click()
    row = page.locator("tbody tr", has_text="Sjökyla AB")
    assert "Chengdu-Nordic Dialogue 2025" in row.inner_text()
    row.get_by_role("link", name="Invite to this event").click()

    assert page.input_value("#id_organization_name") == "Sjökyla AB"
    assert page.input_value("#id_country") == "SE"
    page.fill("#id_contact_name", "Sara Sjö")
    page.fill("#id_email", "sara@sjokyla.example")
    page.get_by_role("button", name="Invite").click()
    page.wait_for_url(f"**/events/{editions.later.pk}/organizations/")

    joined = Participation.objects.get(event=editions.later, organization__name="Sjökyla AB")
    assert joined.organization == editions.lake_cooling
