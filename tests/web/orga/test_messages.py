"""The organizer's messaging page: the switch and the reported messages with hide/keep."""

import pytest
from django.urls import reverse

from matchfair.web.talk.domain.messages import send_message
from matchfair.web.talk.domain.reports import report_message
from matchfair.web.talk.domain.switch import messaging_enabled

pytestmark = pytest.mark.django_db


def test_the_organizer_switches_messaging_off_and_on(client_for, world):
    client = client_for(world.organizer)
    url = reverse("orga:reported_messages", args=[world.event.pk])
    assert client.post(url, {}).status_code == 302
    assert not messaging_enabled(world.event)
    client.post(url, {"enabled": "on"})
    assert messaging_enabled(world.event)


def test_the_page_is_linked_from_the_portal_rules(client_for, world):
    page = client_for(world.organizer).get(reverse("orga:portal_rules", args=[world.event.pk]))
    assert reverse("orga:reported_messages", args=[world.event.pk]) in page.content.decode()


def test_reported_messages_are_listed_and_hidden(client_for, world):
    unreported = send_message(
        side=world.tsinghua, partner=world.tegnology, author=world.tsinghua_user, text="Private"
    )
    message = send_message(
        side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Rude words"
    )
    report = report_message(
        side=world.tsinghua, message=message, reporter=world.tsinghua_user, reason="insulting"
    )
    client = client_for(world.organizer)
    page = client.get(reverse("orga:reported_messages", args=[world.event.pk])).content.decode()
    assert "Rude words" in page
    assert "insulting" in page
    assert unreported.text not in page
    client.post(
        reverse("orga:decide_report", args=[world.event.pk, report.pk]), {"decision": "hide"}
    )
    message.refresh_from_db()
    assert message.hidden_at is not None


def test_viewers_and_other_organizers_cannot_read_reports(client_for, world):
    url = reverse("orga:reported_messages", args=[world.event.pk])
    for user in (world.viewer, world.other_organizer, world.teg_user):
        assert client_for(user).get(url).status_code in (403, 404)
