"""In a real browser (Debian's chromium): a party follows the follow-up link of a mail a real
SMTP server received, and its answer signs the agreement.

The reminders run six months after the fair; the outbox delivers to aiosmtpd on
127.0.0.1; the French party's mail (in French) carries the signed link, which opens
without a login.
"""

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from playwright.sync_api import Browser

from matchfair.web.notify.domain.reminders import add_months, queue_due_reminders
from matchfair.web.outbox.domain.delivery import deliver_due
from matchfair.web.outbox.sink import MaildirHandler
from matchfair.web.outcomes.queries import agreement_history
from tests.web import factories
from tests.web.notify.reminder_world import END, build_reminder_world
from tests.web.smtp import Server

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def mail_server(settings) -> Iterator[Server]:
    server = Server(MaildirHandler()).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


def test_a_party_follows_the_mailed_link_and_signs_the_agreement(
    live_server, browser: Browser, mail_server: Server, settings
):
    settings.MATCHFAIR_SITE_URL = live_server.url
    owner = factories.organizer()
    fair = factories.event(owner)
    world = build_reminder_world(
        fair, factories.german_battery_maker(fair), factories.french_winery(fair)
    )
    assert queue_due_reminders(add_months(END, 6) + timedelta(days=1)) == 2
    deliver_due()  # the worker's run (the tests' immediate backend may have sent them on commit)
    assert len(mail_server.messages) == 2
    (message,) = [m for m in mail_server.messages if m["To"] == "paul@vignoble.example"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "Il y a 6 mois" in text
    (link,) = re.findall(rf"{re.escape(live_server.url)}/events/\d+/follow-up/\S+/", text)

    context = browser.new_context(locale="fr")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(link)
    assert "Solar storage for vineyards" in page.content()
    page.select_option("#id_status", "signed")
    page.fill("#id_on", "2027-05-20")
    page.fill("#id_amount", "250000")
    page.fill("#id_currency", "EUR")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".message.success").count() == 1
    context.close()

    world.agreement.refresh_from_db()
    assert (world.agreement.status, str(world.agreement.amount)) == ("signed", "250000.000000")
    assert [step.status for step in agreement_history(world.agreement)] == ["intention", "signed"]
