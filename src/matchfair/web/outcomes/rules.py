"""Who may read which outcomes and agreements of an event: one rule for API and pages.

An organizer reads every outcome and agreement; a participant the outcomes of its
own meetings and the agreements it is a party to; a viewer neither (viewers read the
figures only). The figures count draft meetings too, so participants never read them.
"""

from django.db.models import QuerySet

from matchfair.web.events.rules import EventAccess, Role
from matchfair.web.outcomes.models import Agreement, MeetingOutcome
from matchfair.web.outcomes.queries import agreements_of, outcomes_of


def visible_outcomes(access: EventAccess) -> QuerySet[MeetingOutcome]:
    """Organizers: all; a participant: its own meetings' outcomes; viewers: none."""
    if access.organizes:
        return outcomes_of(access.event)
    if access.own is not None:
        return outcomes_of(access.event, party=access.own)
    return MeetingOutcome.objects.none()


def visible_agreements(access: EventAccess) -> QuerySet[Agreement]:
    """Organizers: all; a participant: those it is a party to; viewers: none."""
    if access.organizes:
        return agreements_of(access.event)
    if access.own is not None:
        return agreements_of(access.event, party=access.own)
    return Agreement.objects.none()


def may_read_figures(access: EventAccess) -> bool:
    """Organizers and viewers: the event's figures count drafts a participant must not see."""
    return access.role != Role.PARTICIPANT
