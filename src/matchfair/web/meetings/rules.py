"""Which requests, meetings, recommendations and contact details a role in an event may read.

Every API endpoint and page that shows them reads through these querysets, so a rule
(a participant sees its own requests only, unpublished meetings never) is written
once and cannot be forgotten by one view. The role itself comes from
``events.rules.event_access``.
"""

from django.db.models import Q, QuerySet

from matchfair.web.directory.models import Participation
from matchfair.web.events.rules import EventAccess
from matchfair.web.meetings.models import Meeting, MeetingRequest, Recommendation


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
    accepted request, whoever made it; viewers read none. A list reads this once and
    asks ``may_see_contacts`` for each row.
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


def may_see_contacts(partners: set[int] | None, participation: Participation) -> bool:
    """Whether a participation's contact details (delegates' names, e-mails) may be shown.

    ``partners`` is ``contact_partners(access)`` of the reader, read once per page.
    """
    return partners is None or participation.pk in partners
