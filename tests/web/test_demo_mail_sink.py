"""``matchfair demo``'s mail server: the worker's mails reach it, the organizer reads them."""

import os

from django.urls import reverse

from matchfair.web import stored_text
from matchfair.web.demo.mail_sink import start_demo_sink
from matchfair.web.outbox.domain.delivery import deliver_due
from matchfair.web.outbox.domain.queueing import Draft, queue_mails
from matchfair.web.outbox.models import Mail
from matchfair.web.outbox.sink import mailbox_messages

VARIABLES = [
    "MATCHFAIR_EMAIL_BACKEND",
    "MATCHFAIR_EMAIL_HOST",
    "MATCHFAIR_EMAIL_PORT",
    "MATCHFAIR_EMAIL_TLS",
    "MATCHFAIR_EMAIL_SSL",
    "MATCHFAIR_EMAIL_USER",
    "MATCHFAIR_EMAIL_PASSWORD",
    "MATCHFAIR_MAIL_SINK_DIR",
]


def test_the_demos_mails_go_through_smtp_to_its_mailbox_page(
    settings, monkeypatch, tmp_path, world, client_for
):
    for name in VARIABLES:
        monkeypatch.setenv(name, "")
    sink = start_demo_sink(tmp_path / "mailbox")
    try:
        # The worker, a child process, finds the sink through its environment.
        assert os.environ["MATCHFAIR_EMAIL_HOST"] == "127.0.0.1"
        assert os.environ["MATCHFAIR_EMAIL_PORT"] == str(sink.port)
        assert settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
        queue_mails(
            [
                Draft(
                    address=f"delegate{number}@example.org",
                    language=language,
                    kind=Mail.Kind.AGENDA,
                    subject=stored_text.gettext("Your agenda for %(event)s", event="Fair"),
                    body=stored_text.gettext(
                        "Your agenda for %(event)s is published.", event="Fair"
                    ),
                    site_url="http://127.0.0.1:8000",
                    event=world.event,
                )
                for number, language in enumerate(["en", "zh-hans"])
            ]
        )
        assert deliver_due().sent == 2
    finally:
        sink.stop()
    subjects = {mail.subject for mail in mailbox_messages(tmp_path / "mailbox")}
    assert "Your agenda for Fair" in subjects
    assert any("日程" in subject for subject in subjects)
    page = client_for(world.organizer).get(reverse("orga:demo_mailbox")).content.decode()
    assert "delegate1@example.org" in page
