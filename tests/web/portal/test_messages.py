"""The portal's conversation pages: who opens them, writing, the limits, the request's note."""

import pytest
from django.urls import reverse

from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.notify.models import RequestNote
from matchfair.web.talk.domain.messages import MESSAGE_LENGTH, send_message
from matchfair.web.talk.domain.switch import switch_messaging
from matchfair.web.talk.models import Message

pytestmark = pytest.mark.django_db


def _thread(world, side=None, partner=None):
    side, partner = side or world.tegnology, partner or world.tsinghua
    return reverse("portal:conversation", args=[side.pk, partner.pk])


def test_two_delegates_write_to_each_other_and_see_the_unread_count(client_for, world):
    teg, tsinghua = client_for(world.teg_user), client_for(world.tsinghua_user)
    response = teg.post(_thread(world), {"text": "Shall we talk about batteries?"})
    assert response.status_code == 302
    menu = tsinghua.get(reverse("portal:requests", args=[world.tsinghua.pk])).content.decode()
    assert 'class="badge unread-messages"' in menu
    listing = tsinghua.get(reverse("portal:conversations", args=[world.tsinghua.pk]))
    assert "Tegnology" in listing.content.decode() or world.tegnology.organization.name in (
        listing.content.decode()
    )
    page = tsinghua.get(_thread(world, world.tsinghua, world.tegnology)).content.decode()
    assert "Shall we talk about batteries?" in page
    menu = tsinghua.get(reverse("portal:requests", args=[world.tsinghua.pk])).content.decode()
    assert "unread-messages" not in menu


def test_nobody_but_the_two_sides_opens_the_conversation(client_for, world):
    send_message(side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Hi")
    for user, side in (
        (world.smart_eye_user, world.tegnology),
        (world.viewer, world.tegnology),
        (world.organizer, world.tegnology),
        (world.smart_eye_user, world.smart_eye),
    ):
        response = client_for(user).get(_thread(world, side, world.tsinghua))
        if side == world.smart_eye:
            assert "Hi" not in response.content.decode().split("<main")[-1]
        else:
            assert response.status_code == 404


def test_a_partner_of_another_event_is_not_found(client_for, world):
    elsewhere = world.other_event.participations.exclude(
        organization=world.tegnology.organization
    ).first()
    response = client_for(world.teg_user).get(_thread(world, world.tegnology, elsewhere))
    assert response.status_code == 404


def test_a_message_too_long_is_shown_on_the_form(client_for, world):
    response = client_for(world.teg_user).post(_thread(world), {"text": "x" * (MESSAGE_LENGTH + 1)})
    assert response.status_code == 200
    assert str(MESSAGE_LENGTH) in response.content.decode()
    assert not Message.objects.exists()


def test_switched_off_the_page_says_so_and_refuses_writing(client_for, world):
    switch_messaging(event=world.event, enabled=False)
    client = client_for(world.teg_user)
    page = client.get(_thread(world)).content.decode()
    assert "switched messaging off" in page
    assert 'name="text"' not in page
    client.post(_thread(world), {"text": "Hi"})
    assert not Message.objects.exists()


def test_the_request_note_opens_the_conversation_and_the_request_page_links_it(client_for, world):
    meeting_request = MeetingRequest.objects.filter(
        event=world.event, requester=world.tegnology
    ).first() or MeetingRequest.objects.create(
        event=world.event, requester=world.tegnology, recipient=world.tsinghua
    )
    partner = meeting_request.recipient
    RequestNote.objects.update_or_create(
        request=meeting_request, defaults={"message": "Our note with the request"}
    )
    client = client_for(world.teg_user)
    requests_page = client.get(reverse("portal:requests", args=[world.tegnology.pk]))
    assert _thread(world, world.tegnology, partner) in requests_page.content.decode()
    page = client.get(_thread(world, world.tegnology, partner)).content.decode()
    assert "Our note with the request" in page


def test_a_received_message_can_be_reported(client_for, world):
    message = send_message(
        side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Spam"
    )
    response = client_for(world.tsinghua_user).post(
        reverse("portal:report_message", args=[world.tsinghua.pk, world.tegnology.pk, message.pk]),
        {"reason": "unsolicited advertising"},
    )
    assert response.status_code == 302
    assert message.reports.get().reason == "unsolicited advertising"


def test_a_nul_character_is_refused_on_the_form_not_a_server_error(client_for, world):
    response = client_for(world.teg_user).post(_thread(world), {"text": "a\x00b"})
    assert response.status_code == 200
    assert not Message.objects.exists()


def test_the_home_page_shows_the_unread_count_per_event(client_for, world):
    send_message(side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Hi")
    home = client_for(world.tsinghua_user).get(reverse("portal:home")).content.decode()
    link = reverse("portal:conversations", args=[world.tsinghua.pk])
    assert link in home
    assert 'aria-label="1 unread"' in home
