"""Cooperation projects: a host publishes one, and a participant's interest becomes a meeting request."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.outcomes.domain.checks import OutcomeRuleError, check_currency, next_position
from matchfair.web.outcomes.models import CooperationProject, ExpressionOfInterest


def create_project(
    *,
    event: Event,
    host: Participation,
    title: str,
    sector: str,
    location: str,
    contact: str,
    planned_investment: Decimal | None = None,
    currency: str = "",
    description: str = "",
    published: bool = False,
) -> CooperationProject:
    """A project of a host city or district taking part in the event."""
    if host.event_id != event.pk:
        raise OutcomeRuleError(_("The host must take part in this event."))
    return CooperationProject.objects.create(
        event=event,
        host=host,
        title=title,
        sector=sector,
        location=location,
        contact=contact,
        planned_investment=planned_investment,
        currency=check_currency(planned_investment, currency),
        description=description,
        published=published,
    )


def express_interest(
    *, project: CooperationProject, participation: Participation, message: str = ""
) -> ExpressionOfInterest:
    """A participant's interest in a published project, sent to the host as a meeting request."""
    if not project.published:
        raise OutcomeRuleError(_("This project is not published."))
    if participation.event_id != project.event_id:
        raise OutcomeRuleError(_("Only participants of the event can express interest."))
    if participation.pk == project.host_id:
        raise OutcomeRuleError(_("The host cannot express interest in its own project."))
    if ExpressionOfInterest.objects.filter(project=project, participation=participation).exists():
        raise OutcomeRuleError(_("You have already expressed interest in this project."))
    with transaction.atomic():
        request = MeetingRequest.objects.create(
            event_id=project.event_id,
            requester=participation,
            recipient_id=project.host_id,
            status=MeetingRequest.Status.REQUESTED,
            position=next_position(MeetingRequest.objects.filter(event_id=project.event_id)),
        )
        return ExpressionOfInterest.objects.create(
            project=project, participation=participation, message=message, request=request
        )
