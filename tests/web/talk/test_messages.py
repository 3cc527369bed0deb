"""Sending and reading messages: the thread per pair and event, unread counts, the limits."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from matchfair.web.directory.models import Participation
from matchfair.web.talk.domain.errors import MessageRuleError
from matchfair.web.talk.domain.messages import (
    MESSAGE_LENGTH,
    RATE_COUNT,
    conversation_between,
    mark_read,
    send_message,
)
from matchfair.web.talk.domain.switch import switch_messaging
from matchfair.web.talk.models import Conversation
from matchfair.web.talk.queries import conversations_of, last_message_id, unread_total
from matchfair.web.talk.rules import side_of, visible_conversations
from tests.web.factories import delegate, participant

pytestmark = pytest.mark.django_db


def test_one_conversation_per_pair_whoever_writes_first(world):
    send_message(side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Hi")
    send_message(
        side=world.tsinghua, partner=world.tegnology, author=world.tsinghua_user, text="Hello"
    )
    assert Conversation.objects.count() == 1
    conversation = conversation_between(world.tsinghua, world.tegnology)
    assert [m.text for m in conversation.messages.all()] == ["Hi", "Hello"]


def test_every_delegate_of_both_sides_sees_it_and_nobody_else(world):
    send_message(side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Hi")
    colleague = delegate(world.tsinghua, "tsinghua-colleague")
    for user in (world.teg_user, world.tsinghua_user, colleague):
        assert visible_conversations(user, world.event).count() == 1
    for user in (world.smart_eye_user, world.viewer, world.organizer, world.other_organizer):
        assert visible_conversations(user, world.event).count() == 0


def test_a_message_never_leaves_its_event(world):
    other_side = side_of(world.teg_user, world.other_event)
    assert other_side is not None
    assert other_side.organization_id == world.tegnology.organization_id
    send_message(side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Hi")
    assert visible_conversations(world.teg_user, world.other_event).count() == 0
    partner_elsewhere = Participation.objects.filter(event=world.other_event).exclude(
        pk=other_side.pk
    )[0]
    with pytest.raises(MessageRuleError):
        send_message(
            side=world.tegnology, partner=partner_elsewhere, author=world.teg_user, text="Hi"
        )
    send_message(side=other_side, partner=partner_elsewhere, author=world.teg_user, text="Hi")
    assert visible_conversations(world.teg_user, world.event).count() == 1
    assert visible_conversations(world.teg_user, world.other_event).count() == 1


def test_unread_counts_per_delegate(world):
    colleague = delegate(world.tsinghua, "tsinghua-colleague")
    for text in ("one", "two", "three"):
        send_message(side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text=text)
    assert unread_total(world.tsinghua_user, world.tsinghua) == 3
    assert unread_total(colleague, world.tsinghua) == 3
    assert unread_total(world.teg_user, world.tegnology) == 0  # one's own side is never unread
    conversation = conversation_between(world.tegnology, world.tsinghua)
    mark_read(
        conversation=conversation, user=world.tsinghua_user, up_to=last_message_id(conversation)
    )
    assert unread_total(world.tsinghua_user, world.tsinghua) == 0
    assert unread_total(colleague, world.tsinghua) == 3


def test_a_message_too_long_is_refused_naming_the_field(world):
    with pytest.raises(MessageRuleError) as refused:
        send_message(
            side=world.tegnology,
            partner=world.tsinghua,
            author=world.teg_user,
            text="x" * (MESSAGE_LENGTH + 1),
        )
    assert refused.value.field == "text"
    assert refused.value.status == 422
    assert str(MESSAGE_LENGTH) in str(refused.value)
    send_message(
        side=world.tegnology,
        partner=world.tsinghua,
        author=world.teg_user,
        text="x" * MESSAGE_LENGTH,
    )


def test_the_rate_limit_refuses_the_message_over_it_and_lets_it_through_later(world):
    now = timezone.now()
    for number in range(RATE_COUNT):
        send_message(
            side=world.tegnology,
            partner=world.tsinghua,
            author=world.teg_user,
            text=f"message {number}",
            now=now,
        )
    with pytest.raises(MessageRuleError) as refused:
        send_message(
            side=world.tegnology,
            partner=world.tsinghua,
            author=world.teg_user,
            text="one more",
            now=now,
        )
    assert refused.value.status == 429
    send_message(
        side=world.tegnology,
        partner=world.tsinghua,
        author=world.teg_user,
        text="one more",
        now=now + timedelta(minutes=11),
    )


def test_switched_off_refuses_writes(world):
    switch_messaging(event=world.event, enabled=False)
    with pytest.raises(MessageRuleError) as refused:
        send_message(side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Hi")
    assert refused.value.status == 409
    switch_messaging(event=world.event, enabled=True)
    send_message(side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Hi")


def _queries_for_counts(world) -> int:
    user = get_user_model().objects.get(pk=world.tsinghua_user.pk)  # nothing cached
    with CaptureQueriesContext(connection) as captured:
        list(conversations_of(user, world.tsinghua))
        unread_total(user, world.tsinghua)
    return len(captured)


def test_the_unread_counts_take_the_same_queries_for_one_conversation_or_many(world):
    send_message(side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Hi")
    _queries_for_counts(world)  # loads what the fixture's rows cache (their event)
    one = _queries_for_counts(world)
    for number in range(3):
        participant(
            world.event, name=f"Nordic Firm {number}", country="SE", email=f"n{number}@firm.example"
        )
    others = Participation.objects.filter(event=world.event).exclude(
        pk__in=[world.tegnology.pk, world.tsinghua.pk]
    )
    for other in others:
        send_message(side=other, partner=world.tsinghua, author=world.teg_user, text="Hello")
    assert others.count() >= 4
    assert _queries_for_counts(world) == one
    assert unread_total(world.tsinghua_user, world.tsinghua) == others.count() + 1
