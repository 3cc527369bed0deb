"""A notification is written in its reader's language, not in the language of whoever caused it.

A German organizer publishes the schedule; the Chinese participant's e-mail is in
Chinese (the language stored for them) and their inbox reads in the language of the
page they read it on, so the one stored notification reads in German for a German
reader too.
"""

from datetime import datetime

from django.core import mail
from django.urls import reverse

from matchfair.web.events.models import Session
from matchfair.web.meetings.models import Meeting
from matchfair.web.notify.models import Notification
from tests.web import factories
from tests.web.factories import BERLIN


def _publish_in_german(fair, german, chinese, organizer_client, capture) -> None:
    Meeting.objects.create(
        event=fair,
        a=german,
        b=chinese,
        session=Session.objects.get(event=fair),
        start=datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN),
        end=datetime(2026, 12, 1, 10, 0, tzinfo=BERLIN),
        location="table-2",
    )
    with capture(execute=True):
        organizer_client.post(reverse("orga:publish", args=[fair.pk]), HTTP_ACCEPT_LANGUAGE="de")


def test_a_german_organizers_change_reaches_a_chinese_participant_in_chinese(
    fair, german, owner, client_for, django_capture_on_commit_callbacks
):
    chinese = factories.participant(
        fair, name="Chengdu Solar Co", country="CN", email="li@cs.example", language="zh-hans"
    )
    _publish_in_german(fair, german, chinese, client_for(owner), django_capture_on_commit_callbacks)

    (sent,) = [message for message in mail.outbox if message.to == ["li@cs.example"]]
    assert f"您在 {fair.name} 的日程已发布。" in sent.body
    assert "veröffentlicht" not in sent.body + sent.subject

    inbox = client_for(factories.user_of(chinese)).get(
        reverse("portal:notifications"), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert f"您在 {fair.name} 的日程已发布。" in inbox.content.decode()


def test_one_stored_notification_reads_in_each_readers_language(
    fair, german, owner, client_for, django_capture_on_commit_callbacks
):
    chinese = factories.participant(
        fair, name="Chengdu Solar Co", country="CN", email="li@cs.example", language="en"
    )
    _publish_in_german(fair, german, chinese, client_for(owner), django_capture_on_commit_callbacks)
    reader = client_for(factories.user_of(chinese))
    page = reverse("portal:notifications")

    chinese_page = reader.get(page, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    german_page = reader.get(page, HTTP_ACCEPT_LANGUAGE="de").content.decode()

    assert f"您在 {fair.name} 的日程已发布。" in chinese_page
    assert f"Ihr Terminplan für {fair.name} ist veröffentlicht." in german_page
    # The e-mail went in the language the participant chose (English), stored as sent.
    assert Notification.objects.get(user=factories.user_of(chinese)).text == (
        f"Your agenda for {fair.name} is published."
    )
