"""Reads of an event's outcomes that the pages and the API share.

The outcomes of its meetings and its agreements, all of them or those of one
organization; the page or router adds only what is its own (prefetches, order).
Who may read which is ``outcomes.rules``.
"""

from django.db.models import Q, QuerySet

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.outcomes.models import Agreement, MeetingOutcome


def outcomes_of(event: Event, *, party: Participation | None = None) -> QuerySet[MeetingOutcome]:
    """The event's meeting outcomes; with ``party``, those of its own meetings only."""
    rows = MeetingOutcome.objects.filter(event=event)
    if party is not None:
        rows = rows.filter(Q(a=party) | Q(b=party))
    return rows


def agreements_of(event: Event, *, party: Participation | None = None) -> QuerySet[Agreement]:
    """The event's agreements; with ``party``, those it is a party to, each once."""
    rows = Agreement.objects.filter(event=event)
    if party is not None:
        rows = rows.filter(parties__participation=party).distinct()
    return rows
