"""Which cancellations a role in an event may read.

The organizer reads every cancellation; a participant those of its own requests and
meetings, whoever made them; viewers none (they read no requests either). The pages
and the API read through ``visible_cancellations``.
"""

from django.db.models import Q, QuerySet

from matchfair.web.eventday.models import Cancellation
from matchfair.web.events.rules import EventAccess


def visible_cancellations(access: EventAccess) -> QuerySet[Cancellation]:
    """Organizers: all; a participant: those it is a side of; viewers: none."""
    rows = Cancellation.objects.filter(event=access.event)
    if access.organizes:
        return rows
    if access.own is not None:
        return rows.filter(Q(a=access.own) | Q(b=access.own))
    return rows.none()
