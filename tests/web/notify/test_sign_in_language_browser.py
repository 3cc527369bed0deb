"""An invited person's first sign-in in chromium set to German: their e-mails are German."""

import pytest
from django.core import mail

from matchfair.web import stored_text
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.notify.domain.personal import settings_of
from tests.web import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_browsers_language_becomes_the_invited_persons_email_language(live_server, browser):
    fair = factories.event(factories.organizer())
    participation = factories.participant(
        fair, name="Chengdu Solar Co", country="CN", email="li@cs.example"
    )
    invited = factories.delegate(participation, "jonas")
    invited.set_password(factories.PASSWORD)
    invited.save()
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/login/")
    page.fill("#id_username", "jonas")
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    context.close()

    invited.refresh_from_db()
    assert settings_of(invited).language == "de"
    mail.outbox.clear()
    notify(
        participation,
        stored_text.gettext("Your agenda for %(event)s has changed.", event="Fair"),
        subject=stored_text.gettext("Settings"),
        kind="agenda",
    )
    # transaction=True: the e-mail leaves on commit, at once outside a transaction.
    sent = [message for message in mail.outbox if message.to == [invited.email]]
    assert sent[0].subject == "Einstellungen"
