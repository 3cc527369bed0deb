"""The e-mail digest: many messages, one mail per person and interval, in their language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from matchfair.web.notify.models import PersonalSettings
from matchfair.web.outbox.domain.muting import choose_mail_kinds
from matchfair.web.outbox.models import Mail
from matchfair.web.talk.domain.digests import send_digests
from matchfair.web.talk.domain.messages import conversation_between, mark_read, send_message
from matchfair.web.talk.models import Message
from matchfair.web.talk.queries import last_message_id, unread_total
from matchfair.web.talk.wake import DIGEST_INTERVAL
from tests.web.factories import delegate

pytestmark = pytest.mark.django_db


def _write(world, texts, now):
    for text in texts:
        send_message(
            side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text=text, now=now
        )


def test_three_messages_make_one_mail_in_the_recipients_language(world):
    PersonalSettings.objects.update_or_create(
        user=world.tsinghua_user, defaults={"language": "zh-hans"}
    )
    now = timezone.now()
    _write(world, ["first", "second", "third"], now)
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert send_digests(now=now + DIGEST_INTERVAL) == 1
    queued = Mail.objects.get(kind=Mail.Kind.MESSAGES)
    assert (queued.user, queued.language) == (world.tsinghua_user, "zh-hans")
    (sent,) = mail.outbox
    assert sent.to == [world.tsinghua_user.email]
    assert "新消息" in sent.subject
    body = sent.body
    assert "3" in body
    assert "未读" in body
    assert body.index("first") < body.index("second") < body.index("third")
    assert f"/my/{world.tsinghua.pk}/messages/" in body


def test_no_second_digest_within_the_interval_and_the_next_lists_only_new_messages(world):
    now = timezone.now()
    _write(world, ["first"], now)
    assert send_digests(now=now) == 1
    _write(world, ["second"], now + timedelta(minutes=1))
    assert send_digests(now=now + timedelta(minutes=2)) == 0
    assert send_digests(now=now + DIGEST_INTERVAL + timedelta(minutes=1)) == 1
    digests = list(Mail.objects.filter(kind=Mail.Kind.MESSAGES).order_by("id"))
    assert len(digests) == 2
    second = str(digests[1].body)
    assert "second" in second
    assert "first" not in second


def test_read_messages_are_not_mailed(world):
    now = timezone.now()
    _write(world, ["first"], now)
    conversation = conversation_between(world.tegnology, world.tsinghua)
    mark_read(
        conversation=conversation, user=world.tsinghua_user, up_to=last_message_id(conversation)
    )
    assert send_digests(now=now + DIGEST_INTERVAL) == 0
    assert not Mail.objects.filter(kind=Mail.Kind.MESSAGES).exists()


def test_a_recipient_who_muted_messages_gets_no_mail(world):
    choose_mail_kinds(user=world.tsinghua_user, receive=[])
    now = timezone.now()
    _write(world, ["first"], now)
    send_digests(now=now + DIGEST_INTERVAL)
    assert not Mail.objects.filter(kind=Mail.Kind.MESSAGES).exists()


def test_a_second_worker_at_the_same_moment_mails_nobody_twice(world):
    now = timezone.now()
    _write(world, ["first"], now)
    assert send_digests(now=now + DIGEST_INTERVAL) == 1
    assert send_digests(now=now + DIGEST_INTERVAL) == 0
    assert Mail.objects.filter(kind=Mail.Kind.MESSAGES).count() == 1


def test_every_delegate_of_the_receiving_side_gets_their_own_digest_and_the_writers_none(world):
    colleague = delegate(world.tsinghua, "tsinghua-colleague")
    now = timezone.now()
    _write(world, ["first", "second"], now)
    assert send_digests(now=now + DIGEST_INTERVAL) == 2
    recipients = set(Mail.objects.filter(kind=Mail.Kind.MESSAGES).values_list("user", flat=True))
    assert recipients == {world.tsinghua_user.pk, colleague.pk}


def test_hidden_messages_are_neither_unread_nor_mailed(world):
    now = timezone.now()
    _write(world, ["rude"], now)
    Message.objects.update(hidden_at=now)
    assert unread_total(world.tsinghua_user, world.tsinghua) == 0
    assert send_digests(now=now + DIGEST_INTERVAL) == 0
