"""Which slots two participants may still book on the spot today, and why none when none.

The free places are ``meetings.domain.placement.free_places``, the organizer's own
"place by hand" search (the move rules of ``conflicts.move_conflicts``: slot, session
mode, availability, delegates, tables or rooms, interpreters), cut to what is left of
the event's day, so the page offers exactly what the booking accepts.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.queries import day_rules_of
from matchfair.web.events.models import Event
from matchfair.web.meetings.domain.placement import FreePlace, free_places
from matchfair.web.meetings.models import Meeting, MeetingRequest


def rest_of_day(event_zone: str, now: datetime) -> tuple[datetime, datetime]:
    """From ``now`` to the next midnight in the event's zone: "today" where the event is."""
    zone = ZoneInfo(event_zone)
    local = now.astimezone(zone)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=zone)
    return now, midnight


def meet_now_offered(event: Event, now: datetime | None = None) -> bool:
    """Whether the pages offer Meet now: allowed, published, and a session is left today.

    Without a session in what is left of the event's day the page could only say that
    nothing can be booked, so the link is not shown at all.
    """
    if event.schedule_published_at is None or not day_rules_of(event).spot_booking:
        return False
    start, midnight = rest_of_day(event.timezone, now or timezone.now())
    return event.sessions.filter(end__gt=start, start__lt=midnight).exists()


def pair_request(participation: Participation, partner: Participation) -> MeetingRequest:
    """The pair's request (any status, the oldest), or a new accepted one, not yet saved."""
    found = (
        MeetingRequest.objects.filter(event_id=participation.event_id)
        .filter(
            Q(requester=participation, recipient=partner)
            | Q(requester=partner, recipient=participation)
        )
        .order_by("pk")
        .first()
    )
    return found or MeetingRequest(
        event=participation.event,
        requester=participation,
        recipient=partner,
        status=MeetingRequest.Status.ACCEPTED,
    )


def spot_refusal(participation: Participation, partner: Participation) -> str | None:
    """Why these two cannot book a meeting on the spot at all (None: they may look for a slot)."""
    event = participation.event
    if not day_rules_of(event).spot_booking:
        return _("The organizer has switched off booking meetings on the spot for this event.")
    if event.schedule_published_at is None:
        return _("Meetings can be booked on the spot once the schedule is published.")
    if partner.event_id != participation.event_id:
        return _("This organization does not take part in the event.")
    if partner.pk == participation.pk:
        return _("An organization cannot meet itself.")
    pair = Q(a=participation, b=partner) | Q(a=partner, b=participation)
    if Meeting.objects.filter(pair, event=event).exists():
        return _("You have a meeting with %(name)s already.") % {"name": partner.organization.name}
    return None


def spot_places(
    *, participation: Participation, partner: Participation, now: datetime | None = None
) -> list[FreePlace]:
    """The slots left today where both are free, with a free table or room (and interpreter)."""
    if spot_refusal(participation, partner) is not None:
        return []
    window = rest_of_day(participation.event.timezone, now or timezone.now())
    return free_places(meeting_request=pair_request(participation, partner), between=window)
