"""Writing and reading messages: the limits, the thread between two organizations, read marks.

A delegate writes for their organization (``side``) to another organization of the
same event; the conversation is made with the first message. Messaging must be on
(``switch``), a message is at most ``MESSAGE_LENGTH`` characters and a delegate
sends at most ``RATE_COUNT`` messages in ``RATE_WINDOW``. Every message wakes the
digest task for ``DIGEST_INTERVAL`` later (``digests``), never a mail per message.
"""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web.directory.models import Participation
from matchfair.web.talk.domain.errors import MessageRuleError
from matchfair.web.talk.domain.switch import check_messaging_on
from matchfair.web.talk.models import Conversation, Message, ReadMark
from matchfair.web.talk.wake import wake_digest_on_commit

MESSAGE_LENGTH = 2000
RATE_COUNT = 30
RATE_WINDOW = timedelta(minutes=10)


def conversation_between(side: Participation, partner: Participation) -> Conversation | None:
    """The conversation of two organizations of one event, if either has written yet."""
    first, second = sorted((side.pk, partner.pk))
    return Conversation.objects.filter(first_id=first, second_id=second).first()


def _conversation_for(side: Participation, partner: Participation) -> Conversation:
    first, second = sorted((side.pk, partner.pk))
    found = Conversation.objects.filter(first_id=first, second_id=second).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return Conversation.objects.create(
                event_id=side.event_id, first_id=first, second_id=second
            )
    except IntegrityError:  # the other side wrote first at the same moment
        return Conversation.objects.get(first_id=first, second_id=second)


def _check_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise MessageRuleError(_("Write a message first."), "text", status=422)
    if len(text) > MESSAGE_LENGTH:
        raise MessageRuleError(
            _("A message is limited to %(limit)d characters; this one has %(count)d.")
            % {"limit": MESSAGE_LENGTH, "count": len(text)},
            "text",
            status=422,
        )
    return text


def _check_rate(author: AbstractBaseUser, now: datetime) -> None:
    # One writer at a time per author, so that two tabs cannot both slip under the limit.
    get_user_model().objects.select_for_update().filter(pk=author.pk).exists()
    recent = Message.objects.filter(author=author, sent_at__gt=now - RATE_WINDOW).count()
    if recent >= RATE_COUNT:
        minutes = int(RATE_WINDOW.total_seconds() // 60)
        raise MessageRuleError(
            _(
                "You have sent too many messages in a short time (at most %(limit)d in "
                "%(minutes)d minutes); please wait a moment before writing again."
            )
            % {"limit": RATE_COUNT, "minutes": minutes},
            status=429,
        )


def send_message(
    *,
    side: Participation,
    partner: Participation,
    author: AbstractBaseUser,
    text: str,
    now: datetime | None = None,
) -> Message:
    """Write ``text`` from ``side`` (``author``'s organization) to ``partner``, same event only."""
    now = now or timezone.now()
    if partner.event_id != side.event_id or partner.pk == side.pk:
        raise MessageRuleError(_("Messages go to another organization of the same event."))
    text = _check_text(text)
    with transaction.atomic():
        check_messaging_on(side.event)
        _check_rate(author, now)
        conversation = _conversation_for(side, partner)
        message = Message.objects.create(
            conversation=conversation, side=side, author=author, text=text, sent_at=now
        )
        mark_read(conversation=conversation, user=author, up_to=message.pk)
        wake_digest_on_commit()
    return message


def mark_read(*, conversation: Conversation, user: AbstractBaseUser, up_to: int) -> None:
    """Note that ``user`` has read ``conversation`` up to message ``up_to`` (never backwards)."""
    mark, _created = ReadMark.objects.get_or_create(conversation=conversation, user=user)
    if up_to > mark.last_read:
        ReadMark.objects.filter(pk=mark.pk, last_read__lt=up_to).update(last_read=up_to)
