"""Telling an organization's people: an inbox entry each, in their language, mail after commit."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.core import mail

from matchfair.web import stored_text
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.notify.models import Notification, PersonalSettings
from tests.web import factories


def _tell(participation) -> list[Notification]:
    return notify(
        participation,
        stored_text.gettext("Your agenda for %(event)s has changed.", event="Fair"),
        subject=stored_text.gettext("Your agenda for %(event)s", event="Fair"),
        kind="agenda",
        link="/my/agenda/",
        site_url="https://fair.example/",
    )


def test_each_person_reads_it_in_their_own_language(german, french):
    (german_note,) = _tell(german)
    (french_note,) = _tell(french)
    assert "geändert" in german_note.text
    assert "changé" in french_note.text
    assert german_note.user == factories.user_of(german)


def test_the_email_leaves_only_after_the_commit(german, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _tell(german)
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    (sent,) = mail.outbox
    assert "https://fair.example/my/agenda/" in sent.body


def test_times_in_a_notification_are_in_the_readers_zone_and_say_which(fair, german):
    unchosen = factories.participant(
        fair, name="Chengdu Solar Co", country="CN", email="li@cs.example", timezone=""
    )
    start = datetime(2026, 12, 1, 8, 30, tzinfo=ZoneInfo("UTC"))
    when = stored_text.gettext("%(when)s", when=stored_text.moment(start))
    (note,) = notify(unchosen, when, subject=stored_text.gettext("Meeting"), kind="agenda")
    assert note.text == "1 December 2026 09:30 (Europe/Berlin)"
    PersonalSettings.objects.filter(user=factories.user_of(unchosen)).update(
        timezone="Asia/Shanghai"
    )
    (note,) = notify(unchosen, when, subject=stored_text.gettext("Meeting"), kind="agenda")
    assert note.text == "1 December 2026 16:30 (Asia/Shanghai)"
