"""The e-mail digest: the messages a person has not read, in one mail, at most once an interval.

Instead of a mail per message, the worker (``tasks``, woken ``DIGEST_INTERVAL`` after
each message) queues one mail per person and event listing the messages of other
organizations they have neither read nor been sent in an earlier digest. Nobody gets
two digests of one event within the interval; what arrives meanwhile waits for the
next one. The mail is of kind ``messages`` (the recipient may mute it), written in
the recipient's language and time zone, and goes through the outbox.
"""

import logging
from collections import defaultdict
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from matchfair.web import stored_text
from matchfair.web.directory.models import Participation
from matchfair.web.notify.domain.notifications import language_of
from matchfair.web.notify.domain.personal import zone_of
from matchfair.web.outbox.domain.checks import MailRefusedError, one_line_values
from matchfair.web.outbox.domain.queueing import Draft, check_draft, queue_mails
from matchfair.web.outbox.models import Mail
from matchfair.web.talk.models import DigestMark, Message, ReadMark
from matchfair.web.talk.wake import DIGEST_INTERVAL

logger = logging.getLogger(__name__)

LOOKBACK = timedelta(days=2)
"""Older unread messages wait in the portal; a digest tells what is new."""
LINES = 20
"""Messages listed in one digest; the rest are counted."""
EXCERPT = 500


def _recent(now: datetime) -> list[Message]:
    return list(
        Message.objects.filter(
            hidden_at__isnull=True, sent_at__gt=now - LOOKBACK, sent_at__lte=now
        ).select_related(
            "conversation__event",
            "conversation__first__organization",
            "conversation__second__organization",
            "side__organization",
            "author",
        )
    )


def _line(message: Message) -> stored_text.Stored:
    text = message.text if len(message.text) <= EXCERPT else message.text[:EXCERPT] + "…"
    author = message.author.get_full_name() if message.author else ""
    return stored_text.gettext(
        "%(organization)s (%(author)s), %(moment)s: %(text)s",
        organization=message.side.organization.name,
        author=author or "—",
        moment=stored_text.moment(message.sent_at),
        text=text,
    )


def _body(messages: list[Message], event_name: str) -> list[stored_text.Stored]:
    body = [
        stored_text.ngettext(
            "You have %(count)d unread message at %(event)s:",
            "You have %(count)d unread messages at %(event)s:",
            len(messages),
            event=event_name,
        )
    ]
    body += [_line(message) for message in messages[-LINES:]]
    if len(messages) > LINES:
        body.append(
            stored_text.ngettext(
                "… and %(count)d earlier message in the portal.",
                "… and %(count)d earlier messages in the portal.",
                len(messages) - LINES,
            )
        )
    return body


def _draft(user: AbstractBaseUser, side: Participation, messages: list[Message]) -> Draft | None:
    """The digest for ``user``, or None where the outbox would refuse their address."""
    event = side.event
    draft = Draft(
        address=user.email,
        name=user.get_full_name(),
        language=language_of(user),
        time_zone=zone_of(user, participation=side),
        kind=Mail.Kind.MESSAGES,
        subject=one_line_values(stored_text.gettext("New messages at %(event)s", event=event.name)),
        body=_body(messages, event.name),
        link=reverse("portal:conversations", args=[side.pk]),
        event=event,
        user=user,
    )
    try:
        check_draft(draft)
    except MailRefusedError as error:
        logger.warning("no message digest to user %s: %s", user.pk, error)
        return None
    return draft


def send_digests(*, now: datetime | None = None) -> int:
    """Queue every digest due at ``now``; returns how many were queued (muted ones count)."""
    now = now or timezone.now()
    messages = _recent(now)
    if not messages:
        return 0
    conversations = {message.conversation_id: message.conversation for message in messages}
    reads = {
        (mark.conversation_id, mark.user_id): mark.last_read
        for mark in ReadMark.objects.filter(conversation_id__in=conversations)
    }
    events = {conversation.event_id for conversation in conversations.values()}
    digests = {
        (mark.event_id, mark.user_id): mark
        for mark in DigestMark.objects.filter(event_id__in=events)
    }
    sides = {
        participation.organization_id: participation
        for conversation in conversations.values()
        for participation in (conversation.first, conversation.second)
    }
    people = defaultdict(list)
    for user in (
        get_user_model()
        .objects.filter(
            delegate__organization_id__in={side.organization_id for side in sides.values()},
            is_active=True,
        )
        .select_related("delegate")
    ):
        people[user.delegate.organization_id].append(user)

    pending: dict[tuple[int, int], list[Message]] = defaultdict(list)
    readers: dict[tuple[int, int], tuple[AbstractBaseUser, Participation]] = {}
    for message in messages:
        conversation = message.conversation
        reader_side = (
            conversation.second if message.side_id == conversation.first_id else conversation.first
        )
        for user in people[reader_side.organization_id]:
            key = (conversation.event_id, user.pk)
            digest = digests.get(key)
            if digest is not None and (
                digest.sent_at > now - DIGEST_INTERVAL or message.pk <= digest.last_message
            ):
                continue
            if message.pk <= reads.get((conversation.pk, user.pk), 0):
                continue
            pending[key].append(message)
            readers[key] = (user, reader_side)

    queued, drafts = 0, []
    with transaction.atomic():
        for key, unread in pending.items():
            user, side = readers[key]
            unread.sort(key=lambda message: (message.sent_at, message.pk))
            if not _claim(key, max(message.pk for message in unread), now):
                continue
            queued += 1
            draft = _draft(user, side, unread) if user.email else None
            if draft is not None:
                drafts.append(draft)
        queue_mails(drafts)
    return queued


def _claim(key: tuple[int, int], last_message: int, now: datetime) -> bool:
    """Note the digest as sent unless another worker just did; True: this one sends it.

    Called in the transaction that queues the mails: the mark is locked (or created,
    once: a unique pair), so two workers running at once never mail one person twice.
    """
    event_id, user_id = key
    mark = DigestMark.objects.select_for_update().filter(event_id=event_id, user_id=user_id).first()
    if mark is None:
        try:
            with transaction.atomic():
                DigestMark.objects.create(
                    event_id=event_id, user_id=user_id, last_message=last_message, sent_at=now
                )
        except IntegrityError:
            return False
        return True
    if mark.sent_at > now - DIGEST_INTERVAL or mark.last_message >= last_message:
        return False
    mark.last_message, mark.sent_at = last_message, now
    mark.save(update_fields=["last_message", "sent_at"])
    return True
