"""Tailor-made meetings: the organizer pairs two organizations, ahead of every request.

Such a meeting is an accepted, mandatory request, so the scheduler places it before
any other; it is written to the audit trail with the pair it joins.
"""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from matchfair.web.audit.services import record
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.models import MeetingRequest


def add_tailor_made_meeting(
    *,
    event: Event,
    first: Participation,
    second: Participation,
    weight: int = 1,
    sessions: list[str] | None = None,
) -> MeetingRequest:
    """A mandatory meeting set up by the organizer: accepted, scheduled before any other."""
    if first.event_id != event.pk or second.event_id != event.pk:
        raise MeetingRuleError([_("Both organizations must take part in this event.")])
    if first.pk == second.pk:
        raise MeetingRuleError([_("An organization cannot meet itself.")])
    position = (
        MeetingRequest.objects.filter(event=event).aggregate(Max("position"))["position__max"] or 0
    ) + 1
    with transaction.atomic():
        request = MeetingRequest.objects.create(
            event=event,
            requester=first,
            recipient=second,
            weight=weight,
            status=MeetingRequest.Status.ACCEPTED,
            mandatory=True,
            sessions=sessions or None,
            position=position,
        )
        record(event, "request.tailor-made", request, f"{first} – {second}")
    return request
