"""meetings.domain.tailor_made: the organizer's mandatory meetings, and what they refuse."""

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.models import Participation
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.tailor_made import add_tailor_made_meeting
from matchfair.web.meetings.models import MeetingRequest
from tests.web.factories import make_event

pytestmark = pytest.mark.django_db


def _side(event, code: str) -> Participation:
    return Participation.objects.get(event=event, code=code)


def test_a_tailor_made_meeting_is_an_accepted_mandatory_request_at_the_end_of_the_list(event):
    request = add_tailor_made_meeting(
        event=event,
        first=_side(event, "smart-eye"),
        second=_side(event, "tegnology"),
        weight=2,
        sessions=["day2-online"],
    )

    assert (request.status, request.mandatory, request.weight, request.sessions) == (
        MeetingRequest.Status.ACCEPTED,
        True,
        2,
        ["day2-online"],
    )
    assert request.position > max(
        MeetingRequest.objects.filter(event=event)
        .exclude(pk=request.pk)
        .values_list("position", flat=True)
    )
    assert AuditEntry.objects.filter(event=event, action="request.tailor-made").exists()


def test_an_organization_cannot_meet_itself(event):
    with pytest.raises(MeetingRuleError, match="cannot meet itself"):
        add_tailor_made_meeting(
            event=event, first=_side(event, "smart-eye"), second=_side(event, "smart-eye")
        )


def test_both_organizations_must_take_part_in_the_event(event):
    other = make_event()

    with pytest.raises(MeetingRuleError, match="must take part in this event"):
        add_tailor_made_meeting(
            event=event, first=_side(event, "smart-eye"), second=_side(other, "tegnology")
        )
    assert not MeetingRequest.objects.filter(event=event, mandatory=True, weight=1).exists()
