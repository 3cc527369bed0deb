"""outcomes.domain.feedback: each side's report on a meeting, and the link that lets it report."""

import pytest

from matchfair.web.events.models import Event
from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.domain.feedback import (
    feedback_token,
    read_feedback_token,
    report_meeting,
)
from matchfair.web.outcomes.models import MeetingOutcome
from matchfair.web.outcomes.queries import outcome_rows
from tests.web.outcomes.helpers import meeting, side

pytestmark = pytest.mark.django_db


def test_both_sides_report_and_the_organizer_sees_both(event: Event, user):
    held = meeting(event, "tegnology", "tsinghua-energy")
    report_meeting(
        meeting=held,
        side=side(event, "tegnology"),
        status="held",
        result="intention",
        note="PV",
        user=user,
    )
    row = outcome_rows(event)[0]
    assert row.outcome.status == "held"
    assert (row.feedback_a.result, row.feedback_b) == ("intention", None)
    assert [s.code for s in row.missing] == ["tsinghua-energy"]

    report_meeting(
        meeting=held,
        side=side(event, "tsinghua-energy"),
        status="held",
        result="follow-up",
        by_organizer=True,
    )
    row = outcome_rows(event)[0]
    assert row.feedback_b.result == "follow-up"
    assert row.feedback_b.record.by_organizer is True
    assert row.missing == []


def test_a_later_report_replaces_the_earlier_one(event: Event):
    held = meeting(event, "tegnology", "tsinghua-energy")
    reporter = side(event, "tegnology")
    report_meeting(meeting=held, side=reporter, status="held", result="follow-up")
    report_meeting(meeting=held, side=reporter, status="held", result="agreement")
    outcome = MeetingOutcome.objects.get()
    assert [f.result for f in outcome.feedback.all()] == ["agreement"]


def test_a_no_show_has_no_result_and_no_one_to_chase(event: Event):
    missed = meeting(event, "huati", "tegnology")
    with pytest.raises(OutcomeRuleError):
        report_meeting(meeting=missed, side=side(event, "huati"), status="no-show", result="no-fit")
    report_meeting(meeting=missed, side=side(event, "huati"), status="no-show", result=None)
    row = next(r for r in outcome_rows(event) if r.meeting == missed)
    assert row.missing == []


def test_only_the_two_sides_report(event: Event):
    held = meeting(event, "huati", "tegnology")
    with pytest.raises(OutcomeRuleError):
        report_meeting(meeting=held, side=side(event, "guest"), status="held", result="no-fit")


def test_feedback_link_names_the_meeting_and_side(event: Event):
    held = meeting(event, "haaga-helia", "huati")
    token = feedback_token(meeting=held, side=held.b)
    invitation = read_feedback_token(token)
    assert (invitation.meeting, invitation.side) == (held, held.b)
    with pytest.raises(OutcomeRuleError):
        read_feedback_token(token + "x")


def test_a_link_to_a_deleted_meeting_is_refused(event: Event):
    held = meeting(event, "haaga-helia", "huati")
    token = feedback_token(meeting=held, side=held.a)
    held.delete()
    with pytest.raises(OutcomeRuleError):
        read_feedback_token(token)
