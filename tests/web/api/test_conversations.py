"""Conversations through the API, with the pages' rules: parties only, limits, switch, reports."""

import pytest

from matchfair.web.talk.domain.messages import MESSAGE_LENGTH, RATE_COUNT, send_message
from matchfair.web.talk.domain.switch import switch_messaging
from matchfair.web.talk.models import Message, Report
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def post(client, url: str, body: dict):
    return client.post(url, body, content_type="application/json")


def _messages(world: World, partner=None, event=None) -> str:
    event = event or world.event
    return f"/api/events/{event.pk}/conversations/{(partner or world.tsinghua).pk}/messages"


def test_two_sides_write_list_and_read_which_marks_read(client_for, world: World):
    teg, tsinghua = client_for(world.teg_user), client_for(world.tsinghua_user)
    response = post(teg, _messages(world), {"text": "Hello from Denmark"})
    assert response.status_code == 201, response.content
    assert response.json()["side"] == world.tegnology.pk

    listed = tsinghua.get(f"/api/events/{world.event.pk}/conversations").json()["items"]
    assert [(row["partner"], row["unread"]) for row in listed] == [(world.tegnology.pk, 1)]
    thread = tsinghua.get(_messages(world, world.tegnology)).json()["items"]
    assert [line["text"] for line in thread] == ["Hello from Denmark"]
    listed = tsinghua.get(f"/api/events/{world.event.pk}/conversations").json()["items"]
    assert listed[0]["unread"] == 0


def test_outsiders_get_nothing(client_for, world: World):
    send_message(side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Hi")
    for user in (world.smart_eye_user, world.viewer, world.organizer):
        client = client_for(user)
        assert client.get(f"/api/events/{world.event.pk}/conversations").json()["items"] == []
    assert client_for(world.viewer).get(_messages(world)).status_code == 404
    assert client_for(world.organizer).get(_messages(world)).status_code == 404
    assert client_for(world.other_organizer).get(_messages(world)).status_code == 404


def test_a_viewer_or_organizer_write_is_403_and_another_events_partner_404(client_for, world):
    for user in (world.viewer, world.organizer):
        assert post(client_for(user), _messages(world), {"text": "Hi"}).status_code == 403
    elsewhere = world.other_event.participations.exclude(
        organization=world.tegnology.organization
    ).first()
    response = post(client_for(world.teg_user), _messages(world, elsewhere), {"text": "Hi"})
    assert response.status_code == 404
    assert not Message.objects.exists()


def test_too_long_is_422_naming_the_field_and_over_the_rate_429(client_for, world: World):
    teg = client_for(world.teg_user)
    response = post(teg, _messages(world), {"text": "x" * (MESSAGE_LENGTH + 1)})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "text"
    for number in range(RATE_COUNT):
        send_message(
            side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text=str(number)
        )
    response = post(teg, _messages(world), {"text": "one more"})
    assert response.status_code == 429
    assert "too many messages" in response.json()["errors"][0]["message"]


def test_switched_off_is_409(client_for, world: World):
    switch_messaging(event=world.event, enabled=False)
    response = post(client_for(world.teg_user), _messages(world), {"text": "Hi"})
    assert response.status_code == 409
    assert "switched messaging off" in response.json()["errors"][0]["message"]


def test_report_a_received_message(client_for, world: World):
    message = send_message(
        side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Spam"
    )
    url = f"/api/events/{world.event.pk}/messages/{message.pk}/report"
    assert post(client_for(world.smart_eye_user), url, {"reason": "x"}).status_code == 404
    response = post(client_for(world.tsinghua_user), url, {"reason": "advertising"})
    assert response.status_code == 201, response.content
    assert Report.objects.get().reason == "advertising"
    assert post(client_for(world.tsinghua_user), url, {"reason": "again"}).status_code == 409
