"""Requests nobody can answer yet: their recipient has no contact (no delegate account).

An organization imported without a contact person cannot answer a request sent to
it, so the request would stay "requested" without anyone knowing why. The sender's
requests page and the organizer's requests page read these queries to say so, and
the organizer's page links each such organization to the invitation of a contact.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import MeetingRequest

OPEN = MeetingRequest.Status.REQUESTED


def with_answerer(requests: QuerySet[MeetingRequest]) -> QuerySet[MeetingRequest]:
    """Each request with ``recipient_has_contact``: whether anyone can answer for the recipient."""
    return requests.annotate(
        recipient_has_contact=Exists(
            Delegate.objects.filter(organization_id=OuterRef("recipient__organization_id"))
        )
    )


def recipients_without_contact(event: Event) -> QuerySet[Participation]:
    """The event's organizations with open requests and nobody to answer them, with ``waiting``."""
    has_contact = Delegate.objects.filter(organization_id=OuterRef("organization_id"))
    return (
        Participation.objects.filter(event=event, requests_received__status=OPEN)
        .filter(~Exists(has_contact))
        .annotate(
            waiting=Count(
                "requests_received", filter=Q(requests_received__status=OPEN), distinct=True
            )
        )
        .select_related("organization")
        .order_by("organization__name", "pk")
    )


def has_contact(participation: Participation) -> bool:
    """Whether someone can answer requests sent to ``participation`` (a delegate of its entry)."""
    return Delegate.objects.filter(organization_id=participation.organization_id).exists()
