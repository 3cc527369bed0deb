"""The outcome rules on the database: feedback by both sides, agreements, online signing, rates,
and expressions of interest that become meeting requests."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from matchfair.core import read_event
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event, Series
from matchfair.web.exchange.from_database import export_event
from matchfair.web.exchange.to_database import import_event
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.outcomes import services
from matchfair.web.outcomes.models import Agreement, MeetingOutcome
from matchfair.web.outcomes.services import OutcomeRuleError
from tests.outcomes.conftest import FIXTURE

pytestmark = pytest.mark.django_db


@pytest.fixture
def event() -> Event:
    """The hand-computed fixture event, stored without its outcomes."""
    document = read_event(FIXTURE).model_copy(update={"outcomes": None})
    return import_event(document)


def _side(event: Event, code: str) -> Participation:
    return Participation.objects.get(event=event, code=code)


def _meeting(event: Event, a: str, b: str) -> Meeting:
    return Meeting.objects.get(event=event, a__code=a, b__code=b)


@pytest.fixture
def user():
    return get_user_model().objects.create_user("delegate", password="x")


def test_nobody_reported_means_both_sides_are_missing(event: Event):
    rows = services.outcome_rows(event)
    assert len(rows) == 3
    assert [[side.code for side in row.missing] for row in rows] == [
        ["tegnology", "tsinghua-energy"],
        ["haaga-helia", "huati"],
        ["huati", "tegnology"],
    ]


def test_both_sides_report_and_the_organizer_sees_both(event: Event, user):
    meeting = _meeting(event, "tegnology", "tsinghua-energy")
    services.report_meeting(
        meeting, _side(event, "tegnology"), status="held", result="intention", note="PV", user=user
    )
    row = services.outcome_rows(event)[0]
    assert row.outcome.status == "held"
    assert (row.feedback_a.result, row.feedback_b) == ("intention", None)
    assert [side.code for side in row.missing] == ["tsinghua-energy"]

    services.report_meeting(
        meeting,
        _side(event, "tsinghua-energy"),
        status="held",
        result="follow-up",
        by_organizer=True,
    )
    row = services.outcome_rows(event)[0]
    assert row.feedback_b.result == "follow-up"
    assert row.feedback_b.record.by_organizer is True
    assert row.missing == []


def test_a_later_report_replaces_the_earlier_one(event: Event):
    meeting = _meeting(event, "tegnology", "tsinghua-energy")
    side = _side(event, "tegnology")
    services.report_meeting(meeting, side, status="held", result="follow-up")
    services.report_meeting(meeting, side, status="held", result="agreement")
    outcome = MeetingOutcome.objects.get()
    assert [f.result for f in outcome.feedback.all()] == ["agreement"]


def test_a_no_show_has_no_result_and_no_one_to_chase(event: Event):
    meeting = _meeting(event, "huati", "tegnology")
    with pytest.raises(OutcomeRuleError):
        services.report_meeting(meeting, _side(event, "huati"), status="no-show", result="no-fit")
    services.report_meeting(meeting, _side(event, "huati"), status="no-show", result=None)
    row = next(r for r in services.outcome_rows(event) if r.meeting == meeting)
    assert row.missing == []


def test_only_the_two_sides_report(event: Event):
    meeting = _meeting(event, "huati", "tegnology")
    with pytest.raises(OutcomeRuleError):
        services.report_meeting(meeting, _side(event, "guest"), status="held", result="no-fit")


def test_feedback_link_names_the_meeting_and_side(event: Event):
    meeting = _meeting(event, "haaga-helia", "huati")
    token = services.feedback_token(meeting, meeting.b)
    invitation = services.read_feedback_token(token)
    assert (invitation.meeting, invitation.side) == (meeting, meeting.b)
    with pytest.raises(OutcomeRuleError):
        services.read_feedback_token(token + "x")


def _agreement(event: Event, *codes: str) -> Agreement:
    return services.create_agreement(
        event,
        code="agr-1",
        parties=[_side(event, code) for code in codes],
        type="joint-research",
        title="Photovoltaic efficiency pilot",
        on=date(2024, 11, 18),
        amount=Decimal("2000000"),
        currency="eur",
    )


def test_agreement_history_moves_forward_only(event: Event):
    agreement = _agreement(event, "tegnology", "tsinghua-energy")
    services.change_status(agreement, "signed", on=date(2025, 1, 10))
    services.change_status(agreement, "implemented", on=date(2025, 9, 1), note="branch opened")
    with pytest.raises(OutcomeRuleError):
        services.change_status(agreement, "intention", on=date(2025, 9, 2))
    assert [(c.status, c.date) for c in services.status_history(agreement)] == [
        ("intention", date(2024, 11, 18)),
        ("signed", date(2025, 1, 10)),
        ("implemented", date(2025, 9, 1)),
    ]
    agreement.refresh_from_db()
    assert (agreement.status, agreement.currency) == ("implemented", "EUR")


def test_an_agreement_needs_two_parties_and_a_real_currency(event: Event):
    with pytest.raises(OutcomeRuleError):
        _agreement(event, "tegnology")
    with pytest.raises(OutcomeRuleError):
        services.create_agreement(
            event,
            code="agr-2",
            parties=[_side(event, "tegnology"), _side(event, "huati")],
            type="investment",
            title="Plant",
            on=date(2024, 11, 18),
            amount=Decimal(5),
            currency="RMB",
        )


def test_signed_online_only_when_every_party_confirmed(event: Event, user):
    agreement = _agreement(event, "tegnology", "tsinghua-energy", "huati")
    on = date(2024, 11, 20)
    assert services.confirm_agreement(agreement, _side(event, "tegnology"), user, on=on) is False
    assert services.confirm_agreement(agreement, _side(event, "tegnology"), user, on=on) is False
    assert services.confirm_agreement(agreement, _side(event, "huati"), user, on=on) is False
    agreement.refresh_from_db()
    assert agreement.status == "intention"
    assert [p.code for p in services.waiting_parties(agreement)] == ["tsinghua-energy"]
    assert services.confirm_agreement(agreement, _side(event, "tsinghua-energy"), user, on=on)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.date) == ("signed", on)
    with pytest.raises(OutcomeRuleError):
        services.confirm_agreement(agreement, _side(event, "guest"), user, on=on)


def test_a_non_party_cannot_confirm(event: Event, user):
    agreement = _agreement(event, "tegnology", "tsinghua-energy")
    with pytest.raises(OutcomeRuleError):
        services.confirm_agreement(agreement, _side(event, "guest"), user, on=date(2024, 11, 20))


def test_the_event_rate_table_overrides_the_series_table(event: Event):
    series = Series.objects.create(name="Chengdu-Europe Industrial Dialogue")
    event.series = series
    event.save()
    assert services.rate_table_for(event) is None
    services.set_rate_table(series=series, base="CNY", rates={"EUR": Decimal("7.5")})
    assert services.rate_table_for(event).rates == {"EUR": Decimal("7.5")}
    services.set_rate_table(
        event=event, base="EUR", rates={"CNY": Decimal("0.125")}, on=date(2024, 11, 18)
    )
    table = services.rate_table_for(event)
    assert (table.base, table.rates, table.date) == (
        "EUR",
        {"CNY": Decimal("0.125")},
        date(2024, 11, 18),
    )


def test_interest_in_a_project_becomes_a_meeting_request(event: Event):
    host = _side(event, "tsinghua-energy")
    project = services.create_project(
        event,
        host,
        title="Tianfu PV demonstration park",
        sector="energy",
        location="Tianfu New Area",
        contact="invest@example.cn",
        planned_investment=Decimal("300000000"),
        currency="CNY",
        published=True,
    )
    interest = services.express_interest(project, _side(event, "tegnology"), "We build modules.")
    request = MeetingRequest.objects.get(pk=interest.request_id)
    assert (request.requester.code, request.recipient.code, request.status) == (
        "tegnology",
        "tsinghua-energy",
        "requested",
    )
    with pytest.raises(OutcomeRuleError):
        services.express_interest(project, _side(event, "tegnology"))
    with pytest.raises(OutcomeRuleError):
        services.express_interest(project, host)


def test_what_services_record_exports_in_the_event_file(event: Event, user):
    meeting = _meeting(event, "tegnology", "tsinghua-energy")
    services.report_meeting(meeting, meeting.a, status="held", result="intention", note="PV")
    agreement = _agreement(event, "tegnology", "tsinghua-energy")
    services.change_status(agreement, "signed", on=date(2025, 1, 10))
    exported = export_event(event).outcomes
    assert [(m.a, m.b, m.status) for m in exported.meetings] == [
        ("tegnology", "tsinghua-energy", "held")
    ]
    assert [(f.by, f.result, f.note) for f in exported.meetings[0].feedback] == [
        ("tegnology", "intention", "PV")
    ]
    assert [(a.id, a.status, a.date, a.value.amount) for a in exported.agreements] == [
        ("agr-1", "signed", date(2025, 1, 10), Decimal(2000000))
    ]
