"""Sending and answering a meeting request: the request's own rules, each refusal named."""

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.meetings.domain.requests import (
    RequestRuleError,
    answer_request,
    requests_sent,
    send_request,
)
from matchfair.web.meetings.models import MeetingRequest
from tests.web import factories


def test_a_sent_request_is_open_and_audited(german, french, fair):
    made = send_request(requester=german, recipient=french, quota=None)
    assert (made.status, made.mandatory) == (MeetingRequest.Status.REQUESTED, False)
    assert AuditEntry.objects.filter(event=fair, action="request.sent").count() == 1
    assert requests_sent(german) == 1


def test_nobody_asks_to_meet_themselves(german):
    with pytest.raises(RequestRuleError, match="cannot meet itself"):
        send_request(requester=german, recipient=german, quota=None)


def test_a_request_stays_within_its_event(german, fair):
    other = factories.event(factories.organizer("other-organizer"), name="Another fair")
    stranger = factories.participant(other, name="Elsewhere Ltd", country="GB", email="e@x.example")
    with pytest.raises(RequestRuleError, match="does not take part"):
        send_request(requester=german, recipient=stranger, quota=None)


def test_the_quota_counts_sent_requests(german, french, fair):
    chinese = factories.participant(fair, name="Chengdu Energy", country="CN", email="c@x.example")
    send_request(requester=german, recipient=french, quota=1)
    with pytest.raises(RequestRuleError, match="sent its 1 meeting request, the most allowed"):
        send_request(requester=german, recipient=chinese, quota=1)


def test_one_open_request_per_pair_either_way(german, french):
    send_request(requester=german, recipient=french, quota=None)
    with pytest.raises(RequestRuleError, match="asked to meet Vignoble Exportateur already"):
        send_request(requester=german, recipient=french, quota=None)
    with pytest.raises(RequestRuleError, match="answer their request"):
        send_request(requester=french, recipient=german, quota=None)


def test_a_declined_request_may_be_sent_again(german, french):
    first = send_request(requester=german, recipient=french, quota=None)
    answer_request(recipient=french, meeting_request=first, accept=False)
    again = send_request(requester=german, recipient=french, quota=None)
    assert again.pk != first.pk


def test_an_answer_is_audited_with_its_status(german, french, fair):
    made = send_request(requester=german, recipient=french, quota=None)
    answer_request(recipient=french, meeting_request=made, accept=True)
    made.refresh_from_db()
    assert made.status == MeetingRequest.Status.ACCEPTED
    assert AuditEntry.objects.filter(event=fair, action="request.accepted").count() == 1


def test_only_the_organization_asked_answers(german, french):
    made = send_request(requester=german, recipient=french, quota=None)
    with pytest.raises(RequestRuleError, match="Only the organization asked"):
        answer_request(recipient=german, meeting_request=made, accept=True)


def test_a_request_is_answered_once(german, french):
    made = send_request(requester=german, recipient=french, quota=None)
    stale = MeetingRequest.objects.get(pk=made.pk)
    answer_request(recipient=french, meeting_request=made, accept=True)
    with pytest.raises(RequestRuleError, match="answered already"):
        answer_request(recipient=french, meeting_request=stale, accept=False)
