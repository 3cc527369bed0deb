"""Reads the portal, the API and the digest share: conversations with unread counts, a thread.

Unread: another organization's messages, not hidden, after the reader's read mark.
The request notes between the two organizations open the thread (they were the
first words of the conversation); they are never counted unread, since the request
itself told the other side.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, IntegerField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from matchfair.web.directory.models import Participation
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.notify.models import RequestNote
from matchfair.web.talk.models import Conversation, Message, ReadMark


def with_unread(
    conversations: QuerySet[Conversation], user: AbstractBaseUser, side: Participation
) -> QuerySet[Conversation]:
    """``conversations`` with ``unread`` (for ``user`` of ``side``) and ``last_at``."""
    marks = ReadMark.objects.filter(conversation=OuterRef("pk"), user=user).values("last_read")[:1]
    return conversations.annotate(
        read_up_to=Coalesce(Subquery(marks), Value(0), output_field=IntegerField()),
        unread=Count(
            "messages",
            filter=Q(messages__hidden_at__isnull=True, messages__id__gt=F("read_up_to"))
            & ~Q(messages__side=side),
        ),
        last_at=Max("messages__sent_at"),
    )


def _of_side(side: Participation) -> QuerySet[Conversation]:
    return Conversation.objects.filter(Q(first=side) | Q(second=side))


def conversations_of(user: AbstractBaseUser, side: Participation) -> QuerySet[Conversation]:
    """``side``'s conversations as ``user`` reads them, the latest first, partners loaded.

    ``side`` is the reader's own participation (``rules.side_of``, or a page's
    ``conversation_page``): the callers have checked it, so no query repeats it.
    """
    return (
        with_unread(_of_side(side), user, side)
        .select_related("first__organization", "second__organization")
        .order_by(F("last_at").desc(nulls_last=True), "-id")
    )


def partner_in(conversation: Conversation, side: Participation) -> Participation:
    """The other organization of ``conversation``."""
    return conversation.second if conversation.first_id == side.pk else conversation.first


def unread_total(user: AbstractBaseUser, side: Participation) -> int:
    """How many messages ``user`` has not read in all of ``side``'s (their own) conversations."""
    found = with_unread(_of_side(side), user, side).values_list("unread", flat=True)
    return sum(found)


@dataclass(frozen=True)
class Line:
    """One entry of a thread: a message, or the note sent with a meeting request."""

    id: int | None
    side: Participation
    author: str
    text: str
    at: datetime
    hidden: bool = False
    request_note: bool = False


def _author(user: AbstractBaseUser | None) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else ""


def thread(
    conversation: Conversation | None, side: Participation, partner: Participation
) -> list[Line]:
    """The request notes between the two organizations, then their messages, by time."""
    requests = MeetingRequest.objects.filter(
        Q(requester=side, recipient=partner) | Q(requester=partner, recipient=side)
    )
    sides = {side.pk: side, partner.pk: partner}
    lines = [
        Line(
            id=None,
            side=sides[note.request.requester_id],
            author=_author(note.sent_by),
            text=note.message,
            at=note.sent_at,
            request_note=True,
        )
        for note in RequestNote.objects.filter(request__in=requests)
        .exclude(message="")
        .select_related("request", "sent_by")
    ]
    if conversation is not None:
        lines += [
            Line(
                id=message.pk,
                side=sides[message.side_id],
                author=_author(message.author),
                text="" if message.hidden_at else message.text,
                at=message.sent_at,
                hidden=message.hidden_at is not None,
            )
            for message in Message.objects.filter(conversation=conversation).select_related(
                "author"
            )
        ]
    return sorted(lines, key=lambda line: (line.at, line.id or 0))


def last_message_id(conversation: Conversation) -> int:
    """The newest message's id (0: none), up to which opening the thread marks it read."""
    return Message.objects.filter(conversation=conversation).aggregate(last=Max("id"))["last"] or 0
