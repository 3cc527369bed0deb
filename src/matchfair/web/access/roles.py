"""Who is what in an event, and the rows each role may read.

Every API endpoint and page that shows event data asks ``event_access`` first and
reads through the querysets below, so a rule (a participant sees its own requests
only, unpublished meetings never) is written once and cannot be forgotten by one view.

- organizer: reads and changes everything of the events that list them (superusers: all);
- participant: a delegate of an organization taking part; reads the catalog, its own
  requests, recommendations and published meetings, and a partner's contact details
  once a meeting with that partner is accepted;
- viewer: reads the catalog, the published schedule and the figures; no requests,
  no recommendations, no contact details.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from matchfair.web.access.models import EventViewer
from matchfair.web.accounts.permissions import is_organizer
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting, MeetingRequest, Recommendation

User = AbstractBaseUser | AnonymousUser


class Role(StrEnum):
    ORGANIZER = "organizer"
    PARTICIPANT = "participant"
    VIEWER = "viewer"


@dataclass(frozen=True)
class EventAccess:
    """A user's role in one event; ``own`` is their organization's participation (participants)."""

    event: Event
    role: Role
    own: Participation | None = None

    @property
    def organizes(self) -> bool:
        return self.role == Role.ORGANIZER


def own_participation(user: User, event: Event) -> Participation | None:
    """The participation of the organization the user is a delegate of, in this event."""
    if not user.is_authenticated:
        return None
    return (
        Participation.objects.select_related("organization")
        .filter(event=event, organization__delegates__user_id=user.pk)
        .first()
    )


def event_access(user: User, event: Event) -> EventAccess | None:
    """The strongest role the user has in the event, or None when they have none."""
    if not user.is_authenticated:
        return None
    if is_organizer(user, event):
        return EventAccess(event, Role.ORGANIZER)
    own = own_participation(user, event)
    if own is not None:
        return EventAccess(event, Role.PARTICIPANT, own)
    if EventViewer.objects.filter(event=event, user_id=user.pk).exists():
        return EventAccess(event, Role.VIEWER)
    return None


def visible_events(user: User) -> QuerySet[Event]:
    """The events in which the user has any role."""
    if not user.is_authenticated:
        return Event.objects.none()
    if user.is_superuser:
        return Event.objects.all()
    delegate = getattr(user, "delegate", None)
    rule = Q(organizers=user) | Q(viewers__user=user)
    if delegate is not None:
        rule |= Q(participations__organization_id=delegate.organization_id)
    return Event.objects.filter(pk__in=Event.objects.filter(rule).values("pk"))


def visible_requests(access: EventAccess) -> QuerySet[MeetingRequest]:
    """Organizers: every request; participants: those they made or received; viewers: none."""
    requests = MeetingRequest.objects.filter(event=access.event)
    if access.organizes:
        return requests
    if access.own is not None:
        return requests.filter(Q(requester=access.own) | Q(recipient=access.own))
    return requests.none()


def visible_meetings(access: EventAccess) -> QuerySet[Meeting]:
    """Organizers: drafts and published; others: published only, participants their own."""
    meetings = Meeting.objects.filter(event=access.event)
    if access.organizes:
        return meetings
    meetings = meetings.filter(published=True)
    if access.own is not None:
        return meetings.filter(Q(a=access.own) | Q(b=access.own))
    return meetings


def visible_recommendations(access: EventAccess) -> QuerySet[Recommendation]:
    """Organizers: all; a participant: its own partner suggestions; viewers: none."""
    recommendations = Recommendation.objects.filter(event=access.event)
    if access.organizes:
        return recommendations
    if access.own is not None:
        return recommendations.filter(participation=access.own)
    return recommendations.none()


def contact_partners(access: EventAccess) -> set[int] | None:
    """Participations whose contact details the user may read; None means all of them.

    A participant reads its own organization's and those of the partners of an
    accepted request, whoever made it; viewers read none.
    """
    if access.organizes:
        return None
    if access.own is None:
        return set()
    own = access.own.pk
    accepted = MeetingRequest.objects.filter(
        Q(requester_id=own) | Q(recipient_id=own),
        event=access.event,
        status=MeetingRequest.Status.ACCEPTED,
    ).values_list("requester_id", "recipient_id")
    return {own} | {pk for pair in accepted for pk in pair}


def may_see_contacts(access: EventAccess, participation: Participation) -> bool:
    partners = contact_partners(access)
    return partners is None or participation.pk in partners
