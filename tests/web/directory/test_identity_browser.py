"""The two critical takeovers of issue 11, walked in a real browser (Debian's chromium).

Mallory, organizer of her own event only, invites "TEGnology" there with her own
address and follows the welcome link; Eve, a visitor, registers openly for Mallory's
event as Tsinghua. Neither may then open the agenda of the real organization in
Alice's event, nor read its requests through the API.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.notify.domain.portal_rules import rules_of
from matchfair.web.notify.models import PortalRules
from tests.web.directory.test_organization_identity import TSINGHUA
from tests.web.factories import PASSWORD, delegate, make_event, own_event, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def new_page(chromium: Browser, base: str) -> Page:
    context = chromium.new_context(base_url=base, locale="en-GB")
    context.set_default_timeout(30_000)
    return context.new_page()


def victim_event() -> Event:
    """Alice's event: TEGnology with its delegate, Tsinghua without one."""
    event = make_event(person("alice", staff=True))
    delegate(Participation.objects.get(event=event, code="tegnology"), "teg")
    return event


def assert_locked_out(page: Page, victim: Event, code: str) -> None:
    """The real organization's agenda, calendar and requests stay closed to this person."""
    real = Participation.objects.get(event=victim, code=code)
    assert page.goto(f"/my/{real.pk}/agenda/").status == 403
    assert page.goto(f"/my/{real.pk}/agenda.ics").status == 403
    assert page.request.get(f"/api/events/{victim.pk}/requests").status == 404
    page.goto("/my/")
    assert victim.name not in page.inner_text("main")


def test_an_organizer_cannot_take_over_another_events_organization(
    live_server,
    browser: Browser,
):
    victim = victim_event()
    mallory = person("mallory", staff=True)
    mallory.set_password(PASSWORD)
    mallory.save()
    attacker_event = own_event(mallory)

    page = new_page(browser, live_server.url)
    page.goto("/login/")
    page.fill("#id_username", "mallory")
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"/events/{attacker_event.pk}/organizations/invite/")
    page.fill("#id_organization_name", "TEGnology")
    page.select_option("#id_country", "DK")
    page.select_option("#id_kind", "company")
    page.fill("#id_contact_name", "Mallory")
    page.fill("#id_email", "mallory@evil.example")
    page.get_by_role("button", name="Invite").click()
    page.wait_for_url(f"**/events/{attacker_event.pk}/organizations/")
    assert "possible duplicate of TEGnology (DK)" in page.inner_text("main")

    link = re.search(r"http://\S+/welcome/\S+/", mail.outbox[-1].body).group(0)
    welcomed = new_page(browser, live_server.url)
    welcomed.goto(link)
    welcomed.fill("#id_new_password1", PASSWORD)
    welcomed.fill("#id_new_password2", PASSWORD)
    welcomed.locator("main form button[type=submit]").click()
    welcomed.wait_for_load_state()  # choosing the password signs the contact in
    assert "mallory@evil.example" in welcomed.inner_text("main")
    assert_locked_out(welcomed, victim, "tegnology")


def test_a_visitor_cannot_claim_an_organization_by_registering_elsewhere(
    live_server,
    browser: Browser,
):
    victim = victim_event()
    attacker_event = own_event(person("mallory", staff=True))
    rules = rules_of(attacker_event)
    rules.registration = PortalRules.Registration.OPEN
    rules.save()

    page = new_page(browser, live_server.url)
    page.goto(f"/register/{attacker_event.pk}/")
    page.fill("#id_organization_name", TSINGHUA)
    page.select_option("#id_country", "CN")
    page.select_option("#id_kind", "research")
    page.fill("#id_first_name", "Eve")
    page.fill("#id_last_name", "Intruder")
    page.fill("#id_email", "eve@evil.example")
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/profile/")
    assert_locked_out(page, victim, "tsinghua-energy")
