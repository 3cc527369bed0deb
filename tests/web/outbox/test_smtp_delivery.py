"""The outbox through a real SMTP server on 127.0.0.1: language, links, restarts, refusals."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from matchfair.web import stored_text
from matchfair.web.directory.domain.identity import standing_of
from matchfair.web.directory.domain.invitations import invite_participant
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.outbox.domain.delivery import backoff, claim, deliver_due, requeue_stale
from matchfair.web.outbox.domain.queueing import Draft, queue_mails
from matchfair.web.outbox.models import Mail
from matchfair.web.outbox.sink import MaildirHandler
from tests.web import factories
from tests.web.smtp import Server


def _drafts(count: int, fair) -> list[Draft]:
    return [
        Draft(
            address=f"person{number}@example.org",
            language=("en", "de", "fr", "zh-hans")[number % 4],
            kind=Mail.Kind.AGENDA,
            subject=stored_text.gettext("Your agenda for %(event)s", event=fair.name),
            body=stored_text.gettext("Your agenda for %(event)s has changed.", event=fair.name),
            link="/my/agenda/",
            site_url="http://testserver",
            event=fair,
        )
        for number in range(count)
    ]


def _ids(server: Server) -> list[str]:
    return [str(message["Message-ID"]) for message in server.messages]


def test_a_notification_arrives_in_the_recipients_language_with_a_working_link(
    smtp_server, fair, german, client_for
):
    chinese = factories.participant(
        fair, name="Chengdu Solar Co", country="CN", email="li@cs.example", language="zh-hans"
    )
    notify(
        chinese,
        stored_text.gettext("Your agenda for %(event)s has changed.", event=fair.name),
        subject=stored_text.gettext("Your agenda for %(event)s", event=fair.name),
        kind=Mail.Kind.AGENDA,
        link=reverse("portal:agenda", args=[chinese.pk]),
        site_url="http://testserver",
    )
    assert deliver_due().sent == 1
    (message,) = smtp_server.messages
    assert message["To"] == "li@cs.example"
    assert "日程" in str(message["Subject"])
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert fair.name in text
    assert '<html lang="zh-hans">' in html
    link = re.search(r"http://testserver(/\S+/agenda/)", text).group(1)
    user = factories.user_of(chinese)
    assert client_for(user).get(link).status_code == 200
    settings_link = re.search(r"http://testserver(/my/settings/)#notifications", text).group(1)
    assert client_for(user).get(settings_link).status_code == 200
    assert Mail.objects.get().state == Mail.State.SENT


def test_an_invitation_arrives_in_the_inviting_pages_language_with_a_working_link(
    smtp_server, fair, owner, client
):
    with translation.override("de"):
        invite_participant(
            event=fair,
            by=standing_of(owner),
            organization_name="Fjord Batteri AS",
            country="NO",
            kind="company",
            attendance="onsite",
            contact_name="Ingrid Fjeld",
            email="ingrid@fjord.example",
            site_url="http://testserver",
        )
    assert deliver_due().sent == 1
    (message,) = smtp_server.messages
    assert message["To"] == "ingrid@fjord.example"
    assert "Einladung" in str(message["Subject"])
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert fair.name in text
    link = re.search(r"http://testserver(/\S+)", text).group(1)
    assert client.get(link, follow=True).status_code == 200


def test_a_server_stopped_and_started_mid_delivery_loses_nothing_and_sends_nothing_twice(
    smtp_server, fair
):
    queue_mails(_drafts(10, fair))
    assert deliver_due(limit=4).sent == 4
    smtp_server.stop()
    down = deliver_due()
    assert (down.sent, down.retried, down.failed) == (0, 1, 0)
    assert Mail.objects.filter(state=Mail.State.QUEUED).count() == 6
    assert "ConnectionRefusedError" in Mail.objects.exclude(last_error="").get().last_error
    # Still down five minutes on: the retries wait, nothing is lost.
    later = timezone.now() + timedelta(minutes=5)
    deliver_due(now=later)
    assert Mail.objects.filter(state=Mail.State.QUEUED).count() == 6
    smtp_server.start()
    assert deliver_due(now=later + timedelta(hours=2)).sent == 6
    ids = _ids(smtp_server)
    assert len(ids) == 10
    assert len(set(ids)) == 10
    assert set(Mail.objects.values_list("state", flat=True)) == {Mail.State.SENT}


class DropsAfter(MaildirHandler):
    """Takes ``count`` messages, then answers 421 (closing) as a server going down does."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's hook)
        if len(self.received) >= self.count:
            return "421 Service shutting down"
        return await super().handle_DATA(server, session, envelope)


def test_a_server_going_away_in_the_middle_of_a_round_gets_the_rest_later(settings, fair):
    server = Server(DropsAfter(3)).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    try:
        queue_mails(_drafts(8, fair))
        report = deliver_due()
        assert (report.sent, report.retried) == (3, 1)
        server.handler.count = 100
        assert deliver_due(now=timezone.now() + timedelta(hours=2)).sent == 5
        ids = _ids(server)
        assert len(ids) == 8
        assert len(set(ids)) == 8
    finally:
        server.stop()


class RefusesSome(MaildirHandler):
    """An unknown mailbox (550) and a full one (452) among good ones."""

    async def handle_RCPT(self, server, session, envelope, address, options) -> str:  # noqa: N802
        if address.startswith("nobody@"):
            return "550 5.1.1 No such user"
        if address.startswith("full@"):
            return "452 4.2.2 Mailbox full"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_an_unknown_mailbox_fails_for_good_and_a_full_one_is_retried_later(settings, fair):
    server = Server(RefusesSome()).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    try:
        drafts = _drafts(3, fair)
        drafts[0] = Draft(**{**drafts[0].__dict__, "address": "nobody@example.org"})
        drafts[1] = Draft(**{**drafts[1].__dict__, "address": "full@example.org"})
        queue_mails(drafts)
        report = deliver_due()
        assert (report.sent, report.retried, report.failed) == (1, 1, 1)
    finally:
        server.stop()
    failed = Mail.objects.get(address="nobody@example.org")
    assert failed.state == Mail.State.FAILED
    assert "550" in failed.last_error
    full = Mail.objects.get(address="full@example.org")
    assert (full.state, full.attempts) == (Mail.State.QUEUED, 1)
    assert "452" in full.last_error
    assert full.next_attempt_at > timezone.now()


def test_the_wait_between_tries_doubles_up_to_its_ceiling(settings):
    settings.MATCHFAIR_MAIL_RETRY_SECONDS = 60
    settings.MATCHFAIR_MAIL_RETRY_MAX_SECONDS = 3600
    waits = [backoff(attempts).total_seconds() for attempts in range(1, 9)]
    assert waits == [60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_a_mail_still_refused_after_the_last_attempt_fails(settings, fair):
    settings.MATCHFAIR_MAIL_MAX_ATTEMPTS = 2
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    queue_mails(_drafts(1, fair))
    deliver_due()
    deliver_due(now=timezone.now() + timedelta(hours=2))
    mail = Mail.objects.get()
    assert (mail.state, mail.attempts) == (Mail.State.FAILED, 2)


@pytest.mark.django_db
def test_a_mail_claimed_by_one_worker_is_not_claimed_by_another(fair):
    queue_mails(_drafts(3, fair))
    now = timezone.now()
    first = claim(now, 50, "first-worker")
    assert len(first) == 3
    assert claim(now, 50, "second-worker") == []
    assert set(Mail.objects.values_list("claim", flat=True)) == {"first-worker"}


def test_mails_left_sending_by_a_vanished_worker_are_queued_again(settings, fair):
    settings.MATCHFAIR_MAIL_CLAIM_TIMEOUT = 600
    queue_mails(_drafts(2, fair))
    now = timezone.now()
    claim(now, 50, "vanished")
    assert requeue_stale(now + timedelta(seconds=60)) == 0
    assert requeue_stale(now + timedelta(seconds=601)) == 2
    assert set(Mail.objects.values_list("state", flat=True)) == {Mail.State.QUEUED}


class StopsAfter(MaildirHandler):
    """Takes ``count`` messages, then the whole server stops while the client is connected."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.server: Server | None = None
        self.stopping = None

    async def handle_MAIL(self, server, session, envelope, address, options) -> str:  # noqa: N802
        if len(self.received) >= self.count and self.server is not None:
            # The client has the 250 of every message so far; the next one meets a server
            # going away (stopped from another thread, as a restart of the service would).
            import asyncio
            import threading

            self.stopping = threading.Thread(target=self.server.stop)
            self.stopping.start()
            await asyncio.sleep(5)
        envelope.mail_from = address
        return "250 OK"


def test_a_server_stopped_while_connected_gets_the_rest_after_its_restart(settings, fair):
    handler = StopsAfter(20)
    server = Server(handler)
    handler.server = server
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
    try:
        queue_mails(_drafts(60, fair))
        first = deliver_due()
        assert (first.sent, first.retried, first.failed) == (20, 1, 0)
        assert Mail.objects.filter(state=Mail.State.QUEUED).count() == 40
        handler.stopping.join()
        handler.count = 1000
        server.start()
        assert deliver_due(now=timezone.now() + timedelta(hours=2)).sent == 40
    finally:
        server.stop()
    ids = _ids(server)
    assert len(ids) == 60
    assert len(set(ids)) == 60
    assert set(Mail.objects.values_list("state", flat=True)) == {Mail.State.SENT}
