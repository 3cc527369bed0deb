"""The organizer's e-mail page (failures per recipient) and the demo's mailbox page."""

import smtplib

import pytest
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse

from matchfair.web import stored_text
from matchfair.web.outbox.domain.queueing import Draft, queue_mails
from matchfair.web.outbox.models import Mail
from matchfair.web.outbox.sink import MaildirHandler, SmtpSink
from tests.web.factories import World


def _queue(world: World, address: str) -> Mail:
    (mail,) = queue_mails(
        [
            Draft(
                address=address,
                name="Li Wei",
                language="en",
                kind=Mail.Kind.INVITATION,
                subject=stored_text.gettext("Your invitation to %(event)s", event="Fair"),
                body=stored_text.gettext("Settings"),
                event=world.event,
            )
        ]
    )
    return mail


def test_the_organizer_sees_each_recipient_the_server_refused(client_for, world: World):
    failed = _queue(world, "nobody@example.org")
    Mail.objects.filter(pk=failed.pk).update(
        state=Mail.State.FAILED,
        attempts=1,
        last_error="550 5.1.1 No such user (nobody@example.org)",
    )
    waiting = _queue(world, "busy@example.org")
    Mail.objects.filter(pk=waiting.pk).update(attempts=1, last_error="452 Mailbox full")
    client = client_for(world.organizer)
    dashboard = client.get(reverse("orga:event", args=[world.event.pk])).content.decode()
    page_url = reverse("orga:mail_delivery", args=[world.event.pk])
    assert page_url in dashboard
    page = client.get(page_url).content.decode()
    assert "nobody@example.org" in page
    assert "550 5.1.1 No such user" in page
    assert "busy@example.org" in page
    assert "452 Mailbox full" in page


@pytest.mark.parametrize("who", ["viewer", "teg_user", "other_organizer"])
def test_only_the_events_organizers_read_its_mails(client_for, world: World, who):
    _queue(world, "nobody@example.org")
    response = client_for(getattr(world, who)).get(
        reverse("orga:mail_delivery", args=[world.event.pk])
    )
    assert response.status_code in (403, 404)


def test_the_demo_mailbox_exists_only_while_a_sink_runs(client_for, world: World, settings):
    settings.MATCHFAIR_MAIL_SINK_DIR = ""
    client = client_for(world.organizer)
    assert client.get(reverse("orga:demo_mailbox")).status_code == 404
    assert reverse("orga:demo_mailbox") not in client.get(reverse("portal:home")).content.decode()


def test_the_organizer_reads_what_the_demo_sink_received(
    client_for, world: World, settings, tmp_path
):
    folder = tmp_path / "mailbox"
    sink = SmtpSink(MaildirHandler(folder)).start()
    try:
        connection = get_connection(
            "django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1", port=sink.port
        )
        EmailMessage("您的日程", "Hallo 世界", to=["li@cs.example"], connection=connection).send()
    finally:
        sink.stop()
    settings.MATCHFAIR_MAIL_SINK_DIR = str(folder)
    client = client_for(world.organizer)
    home = client.get(reverse("portal:home")).content.decode()
    assert reverse("orga:demo_mailbox") in home
    page = client.get(reverse("orga:demo_mailbox")).content.decode()
    assert "您的日程" in page
    assert "Hallo 世界" in page
    assert "li@cs.example" in page
    assert client_for(world.teg_user).get(reverse("orga:demo_mailbox")).status_code == 403


def test_a_stopped_sink_refuses_connections(tmp_path):
    sink = SmtpSink(MaildirHandler(tmp_path)).start()
    sink.stop()
    with pytest.raises(ConnectionRefusedError):
        smtplib.SMTP("127.0.0.1", sink.port, timeout=2)


def test_the_resend_button_queues_a_failed_mail_again(client_for, world: World):
    failed = _queue(world, "nobody@example.org")
    Mail.objects.filter(pk=failed.pk).update(
        state=Mail.State.FAILED, attempts=3, last_error="550 5.1.1 No such user"
    )
    client = client_for(world.organizer)
    page_url = reverse("orga:mail_delivery", args=[world.event.pk])
    resend_url = reverse("orga:resend_mail", args=[world.event.pk, failed.pk])
    assert resend_url in client.get(page_url).content.decode()
    answer = client.post(resend_url, follow=True)
    failed.refresh_from_db()
    assert (failed.state, failed.attempts) == (Mail.State.QUEUED, 3)
    assert "nobody@example.org" in answer.content.decode()
    again = client.post(resend_url, follow=True).content.decode()
    assert "Only an e-mail that was not delivered can be sent again." in again


def test_another_events_mail_cannot_be_resent_from_this_page(client_for, world: World):
    (mail,) = queue_mails(
        [
            Draft(
                address="elsewhere@example.org",
                language="en",
                kind=Mail.Kind.INVITATION,
                subject=stored_text.gettext("Settings"),
                body=stored_text.gettext("Settings"),
                event=world.other_event,
            )
        ]
    )
    Mail.objects.filter(pk=mail.pk).update(state=Mail.State.FAILED)
    url = reverse("orga:resend_mail", args=[world.event.pk, mail.pk])
    assert client_for(world.organizer).post(url).status_code == 404
    assert Mail.objects.get(pk=mail.pk).state == Mail.State.FAILED
