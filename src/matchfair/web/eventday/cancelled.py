"""Reads of cancellations and of what may still be cancelled, for the agenda and the lists.

The participant's agenda lists its cancelled meetings and withdrawn requests (who, when,
why) and offers to cancel only the meetings the rules still allow; the organizer's list
shows every cancellation. The rule itself is ``domain.cancellations``'s.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain.cancellations import meeting_refusal
from matchfair.web.eventday.models import Cancellation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting


def cancellations_in(event: Event) -> QuerySet[Cancellation]:
    """Every cancellation of the event, newest first, with the names a list shows."""
    return Cancellation.objects.filter(event=event).select_related(
        "a__organization", "b__organization", "by_participation__organization", "by"
    )


@dataclass(frozen=True)
class CancelledForMe:
    """One cancellation as a side reads it: the partner, who did it (None: the organizer)."""

    cancellation: Cancellation
    partner: Participation
    by_me: bool
    by_organizer: bool


def cancellations_of(participation: Participation) -> list[CancelledForMe]:
    """The cancellations ``participation`` is a side of, newest first."""
    rows = cancellations_in(participation.event).filter(Q(a=participation) | Q(b=participation))
    return [
        CancelledForMe(
            cancellation=row,
            partner=row.b if row.a_id == participation.pk else row.a,
            by_me=row.by_participation_id == participation.pk,
            by_organizer=row.by_participation_id is None,
        )
        for row in rows
    ]


def cancellable_meetings(
    participation: Participation, now: datetime | None = None
) -> list[Meeting]:
    """The side's published meetings it may still cancel itself (before the cut-off)."""
    now = now or timezone.now()
    meetings = list(
        Meeting.objects.filter(Q(a=participation) | Q(b=participation), published=True)
        .filter(start__gt=now)
        .select_related("a__organization", "b__organization")
        .order_by("start", "pk")
    )
    for meeting in meetings:
        meeting.event = participation.event  # one event: its day rules are read once
    return [m for m in meetings if meeting_refusal(meeting=m, by=participation, now=now) is None]
