"""A participant's meetings of today, each with who is there and what the side may do now.

The portal's agenda shows them with "we are here" and "no show" buttons; the reads
are a fixed number of queries (the meetings with their presences, the day's rules),
one on a day without meetings.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.board import day_bounds
from matchfair.web.eventday.domain.presence import presence_open
from matchfair.web.eventday.queries import day_rules_of
from matchfair.web.meetings.models import Meeting


@dataclass(frozen=True)
class DayMeeting:
    meeting: Meeting
    partner: Participation
    here: bool
    partner_here: bool
    may_say_here: bool
    may_mark_no_show: bool
    no_show_from: datetime


def meetings_of_day(
    participation: Participation, *, now: datetime | None = None
) -> list[DayMeeting]:
    """Today's published meetings of ``participation`` (in the event's time zone), in time order."""
    now = now or timezone.now()
    event = participation.event
    _today, start, end = day_bounds(event, now)
    meetings = list(
        Meeting.objects.filter(
            Q(a=participation) | Q(b=participation),
            event=event,
            published=True,
            start__gte=start,
            start__lt=end,
        )
        .select_related("a__organization", "b__organization")
        .prefetch_related("presences")
        .order_by("start", "pk")
    )
    if not meetings:
        return []  # Most days of the year: one query, the agenda stays as cheap as before.
    grace = timedelta(minutes=day_rules_of(event).no_show_grace_minutes)
    rows = []
    for meeting in meetings:
        partner = meeting.b if meeting.a_id == participation.pk else meeting.a
        present = {presence.participation_id for presence in meeting.presences.all()}
        here, partner_here = participation.pk in present, partner.pk in present
        rows.append(
            DayMeeting(
                meeting=meeting,
                partner=partner,
                here=here,
                partner_here=partner_here,
                may_say_here=not here and presence_open(meeting, now),
                may_mark_no_show=not partner_here and now >= meeting.start + grace,
                no_show_from=meeting.start + grace,
            )
        )
    return rows
