"""What the check-in desk reads: who is expected today, who has arrived, and badges by name.

"Expected today" are the badges of organizations with a meeting at a table today (in
the event's time zone): the people the door should see, in the order of their first
meeting, so staff know who is late. Online meetings bring nobody to the door.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Min, Q, QuerySet
from django.utils import timezone

from matchfair.web.eventday.models import Badge, CheckIn
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting

SEARCH_LIMIT = 30


@dataclass(frozen=True)
class Expected:
    badge: Badge
    first_meeting: datetime


@dataclass(frozen=True)
class Arrivals:
    badges: int
    arrived: int
    expected_today: int
    arrived_of_expected: int
    # Expected today and not here yet, by their first meeting.
    missing: list[Expected]


def _today(event: Event, now: datetime) -> tuple[datetime, datetime]:
    zone = ZoneInfo(event.timezone)
    day = now.astimezone(zone).date()
    start = datetime.combine(day, time(), tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)


def first_meetings_today(event: Event, *, now: datetime | None = None) -> dict[int, datetime]:
    """Participation id -> start of its first meeting at a table today."""
    start, end = _today(event, now or timezone.now())
    today = Meeting.objects.filter(event=event, online=False, start__gte=start, start__lt=end)
    first: dict[int, datetime] = {}
    for side in ("a_id", "b_id"):
        for participation_id, earliest in today.values_list(side).annotate(Min("start")):
            if participation_id not in first or earliest < first[participation_id]:
                first[participation_id] = earliest
    return first


def arrivals(event: Event, *, now: datetime | None = None) -> Arrivals:
    """The desk's figures, counted from the rows, and who is still to come today."""
    first = first_meetings_today(event, now=now)
    badges = Badge.objects.filter(event=event)
    expected = badges.filter(participation_id__in=first)
    missing = [
        Expected(badge, first[badge.participation_id])
        for badge in expected.filter(check_in__isnull=True).select_related(
            "participation__organization"
        )
    ]
    missing.sort(key=lambda row: (row.first_meeting, row.badge.name))
    return Arrivals(
        badges=badges.count(),
        arrived=CheckIn.objects.filter(event=event).count(),
        expected_today=expected.count(),
        arrived_of_expected=expected.filter(check_in__isnull=False).count(),
        missing=missing,
    )


def search_badges(event: Event, text: str) -> QuerySet[Badge]:
    """Badges whose person or organization contains ``text`` (any script), first 30."""
    words = text.split()
    found = Badge.objects.filter(event=event)
    for word in words:
        found = found.filter(
            Q(name__icontains=word) | Q(participation__organization__name__icontains=word)
        )
    return found.select_related("participation__organization", "check_in").order_by("name", "pk")[
        :SEARCH_LIMIT
    ]
