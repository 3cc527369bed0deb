"""outcomes.domain.projects: a participant's interest in a project becomes a meeting request."""

from decimal import Decimal

import pytest

from matchfair.web.events.models import Event
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.domain.projects import create_project, express_interest
from tests.web.outcomes.helpers import side

pytestmark = pytest.mark.django_db


def test_interest_in_a_project_becomes_a_meeting_request(event: Event):
    host = side(event, "tsinghua-energy")
    project = create_project(
        event=event,
        host=host,
        title="Tianfu PV demonstration park",
        sector="energy",
        location="Tianfu New Area",
        contact="invest@example.cn",
        planned_investment=Decimal("300000000"),
        currency="CNY",
        published=True,
    )
    interest = express_interest(
        project=project, participation=side(event, "tegnology"), message="We build modules."
    )
    request = MeetingRequest.objects.get(pk=interest.request_id)
    assert (request.requester.code, request.recipient.code, request.status) == (
        "tegnology",
        "tsinghua-energy",
        "requested",
    )
    with pytest.raises(OutcomeRuleError):
        express_interest(project=project, participation=side(event, "tegnology"))
    with pytest.raises(OutcomeRuleError):
        express_interest(project=project, participation=host)


def test_an_unpublished_project_takes_no_interest(event: Event):
    project = create_project(
        event=event,
        host=side(event, "tsinghua-energy"),
        title="Draft",
        sector="energy",
        location="Chengdu",
        contact="invest@example.cn",
    )
    requests = MeetingRequest.objects.count()
    with pytest.raises(OutcomeRuleError):
        express_interest(project=project, participation=side(event, "tegnology"))
    assert MeetingRequest.objects.count() == requests
