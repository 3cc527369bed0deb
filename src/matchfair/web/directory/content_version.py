"""The version of an event's directory content, for anything built from all of it.

A search index built from an event's profiles and opportunities stays right until
one of them is added, changed or removed. Every save stamps its row (``updated_at``,
``bulk_create`` included), so the latest stamps and the numbers of rows together
name one version of the content: an edit moves a stamp, a removal lowers a count, an
addition does both. Reading the version is one small query, so every web process
can check it on each use and never serve what an edit has made stale.
"""

from django.db.models import Count, Max, OuterRef, QuerySet, Subquery

from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.events.models import Event

Version = tuple[object, ...]


def _per_event(rows: QuerySet, aggregate: Count | Max) -> Subquery:
    """``aggregate`` over ``rows`` of the outer event, as one column of the outer query."""
    return Subquery(
        rows.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(value=aggregate)
        .values("value")
    )


def content_version(event: Event) -> Version:
    """What the event's organizations, profiles and opportunities are now, in one query."""
    participations = Participation.objects.all()
    opportunities = Opportunity.objects.all()
    row = (
        Event.objects.filter(pk=event.pk)
        .annotate(
            participation_count=_per_event(participations, Count("pk")),
            participation_stamp=_per_event(participations, Max("updated_at")),
            organization_stamp=_per_event(participations, Max("organization__updated_at")),
            opportunity_count=_per_event(opportunities, Count("pk")),
            opportunity_stamp=_per_event(opportunities, Max("updated_at")),
        )
        .values_list(
            "participation_count",
            "participation_stamp",
            "organization_stamp",
            "opportunity_count",
            "opportunity_stamp",
        )
        .get()
    )
    return (event.pk, *row)
