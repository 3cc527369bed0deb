"""Reads of an event's runs that the pages and the API share."""

from django.db.models import QuerySet

from matchfair.web.events.models import Event
from matchfair.web.jobs.models import Job


def runs_of(event: Event, *, kind: str = "", status: str = "") -> QuerySet[Job]:
    """The event's runs, newest first; only those of ``kind`` or in ``status`` when given."""
    rows = Job.objects.filter(event=event)
    if kind:
        rows = rows.filter(kind=kind)
    if status:
        rows = rows.filter(status=status)
    return rows
