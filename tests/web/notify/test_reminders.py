"""Scheduled reminders: each kind in its window, once per occurrence, switchable, mutable."""

from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from matchfair.web.notify.domain.reminders import (
    add_months,
    queue_due_reminders,
    settings_of,
)
from matchfair.web.notify.models import SentReminder
from matchfair.web.notify.tasks import due_reminders_task
from matchfair.web.outbox.domain.delivery import deliver_due
from matchfair.web.outbox.domain.muting import choose_mail_kinds
from matchfair.web.outbox.models import Mail
from matchfair.web.outbox.rendering import compose
from tests.web import factories
from tests.web.notify.reminder_world import BERLIN, DEADLINE, END, START, build_reminder_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(fair, german, french):
    return build_reminder_world(fair, german, french)


def _mails(kind: str | None = None) -> list[tuple[str, str]]:
    rows = Mail.objects.order_by("address")
    if kind:
        rows = rows.filter(kind=kind)
    return list(rows.values_list("address", "kind"))


def test_open_requests_are_reminded_once_per_period_until_the_deadline(world):
    before = DEADLINE - timedelta(days=10)
    assert queue_due_reminders(before) == 1
    assert queue_due_reminders(before + timedelta(hours=1)) == 0
    (mail,) = Mail.objects.all()
    assert (mail.address, mail.kind) == ("anna@sonnenwerk.example", Mail.Kind.REMINDER)
    # In the reader's language (German), with the deadline in their zone.
    assert "1 Terminanfrage wartet auf Ihre Antwort" in compose(mail).body
    # The next period (3 days by default) reminds again; after the deadline nothing.
    assert queue_due_reminders(before + timedelta(days=3)) == 1
    SentReminder.objects.all().delete()
    Mail.objects.all().delete()
    assert queue_due_reminders(DEADLINE + timedelta(minutes=1)) == 0


def test_running_the_due_task_twice_queues_once(world):
    now = DEADLINE - timedelta(hours=10)  # open requests and the deadline both due
    first = queue_due_reminders(now)
    assert first == 3  # German: requests + deadline; French: deadline
    assert queue_due_reminders(now) == 0
    assert Mail.objects.count() == 3
    assert SentReminder.objects.count() == 3


def test_the_periodic_task_queues_what_is_due_now(world, monkeypatch):
    monkeypatch.setattr(
        "matchfair.web.notify.domain.reminders.timezone.now", lambda: DEADLINE - timedelta(hours=1)
    )
    due_reminders_task.call()
    assert {address for address, _kind in _mails()} == {
        "anna@sonnenwerk.example",
        "paul@vignoble.example",
    }


def test_a_reminder_switched_off_is_not_sent(world):
    chosen = settings_of(world.event)
    chosen.open_requests = False
    chosen.request_deadline = False
    chosen.save()
    assert queue_due_reminders(DEADLINE - timedelta(hours=1)) == 0


def test_a_person_who_muted_reminders_gets_none(world):
    choose_mail_kinds(
        user=factories.user_of(world.german),
        receive=[Mail.Kind.REQUEST, Mail.Kind.AGENDA, Mail.Kind.FEEDBACK, Mail.Kind.CAMPAIGN],
    )
    queue_due_reminders(DEADLINE - timedelta(hours=1))
    assert _mails() == [("paul@vignoble.example", Mail.Kind.REMINDER)]


def test_the_agenda_goes_out_the_day_before_with_its_pdf_and_calendar(world):
    assert queue_due_reminders(START - timedelta(hours=25)) == 0
    assert queue_due_reminders(START - timedelta(hours=20)) == 2
    mail = Mail.objects.get(address="paul@vignoble.example")
    body = compose(mail).body
    assert f"/my/{world.french.pk}/agenda.pdf" in body
    assert f"/my/{world.french.pk}/agenda.ics" in body
    assert mail.link == f"/my/{world.french.pk}/agenda/"
    (attached,) = compose(mail).attachments
    filename, content, mimetype = attached
    assert (filename, mimetype) == (f"{world.event.code}.ics", "text/calendar")
    assert "BEGIN:VEVENT" in content
    assert "Sonnenwerk GmbH" in content


def test_feedback_is_asked_after_the_event(world):
    assert queue_due_reminders(END + timedelta(hours=2)) == 0
    assert queue_due_reminders(END + timedelta(hours=25)) == 2
    assert set(Mail.objects.values_list("kind", flat=True)) == {Mail.Kind.FEEDBACK}


def test_the_follow_up_asks_each_party_at_6_and_12_months(world):
    six = add_months(END, 6)
    assert six == datetime(2027, 6, 1, 12, 0, tzinfo=BERLIN)
    assert queue_due_reminders(six - timedelta(days=1)) == 0
    assert queue_due_reminders(six + timedelta(days=1)) == 2
    assert queue_due_reminders(six + timedelta(days=2)) == 0
    links = set(Mail.objects.values_list("link", flat=True))
    assert all(link.startswith(f"/events/{world.event.pk}/follow-up/") for link in links)
    assert len(links) == 2
    assert queue_due_reminders(add_months(END, 12) + timedelta(hours=1)) == 2
    chosen = settings_of(world.event)
    chosen.follow_up_months = [3]
    chosen.save()
    assert queue_due_reminders(add_months(END, 3) + timedelta(hours=1)) == 2


def test_months_are_added_to_the_last_day_of_a_shorter_month():
    assert add_months(datetime(2026, 8, 31, tzinfo=BERLIN), 6).date().isoformat() == "2027-02-28"


def test_the_cron_command_queues_what_is_due_once(world, monkeypatch):
    monkeypatch.setattr(
        "matchfair.web.notify.domain.reminders.timezone.now", lambda: DEADLINE - timedelta(hours=1)
    )
    out = StringIO()
    call_command("due_reminders", stdout=out)
    call_command("due_reminders", stdout=out)
    assert out.getvalue().splitlines() == [
        "3 reminder e-mails queued",
        "0 reminder e-mails queued",
    ]


def test_meeting_soon_goes_only_to_people_who_asked_for_it(world, german_client):
    page = german_client.get(reverse("portal:settings")).content.decode()
    assert 'name="meeting_soon"' in page
    german_client.post(
        reverse("portal:settings"),
        {"timezone": "Europe/Berlin", "language": "de", "meeting_soon": "on"},
    )
    chosen = settings_of(world.event)
    chosen.agenda = False  # due the same day: this test counts the meeting's reminder only
    chosen.save()
    assert queue_due_reminders(START - timedelta(minutes=20)) == 0
    assert queue_due_reminders(START - timedelta(minutes=10)) == 1
    assert queue_due_reminders(START - timedelta(minutes=5)) == 0
    (mail,) = Mail.objects.all()
    assert mail.address == "anna@sonnenwerk.example"
    assert "Vignoble Exportateur" in compose(mail).subject


def test_a_reminder_arrives_through_a_real_smtp_server_in_the_readers_language(world, smtp_server):
    assert queue_due_reminders(DEADLINE - timedelta(days=10)) == 1
    assert deliver_due().sent == 1
    (message,) = smtp_server.messages
    assert message["To"] == "anna@sonnenwerk.example"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "1 Terminanfrage wartet auf Ihre Antwort" in text
    assert Mail.objects.get().state == Mail.State.SENT
