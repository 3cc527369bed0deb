"""The portal's side of a request: message length, deadline, quota setting, note, the other told."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from matchfair.web.meetings.domain.requests import RequestRuleError
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.notify.domain.portal_rules import rules_of
from matchfair.web.notify.domain.requests import MESSAGE_LENGTH, answer_request, send_request
from matchfair.web.notify.models import Notification, RequestNote
from tests.web import factories


def _send(german, german_user, french, message: str = "Guten Tag") -> MeetingRequest:
    return send_request(requester=german, recipient=french, message=message, sent_by=german_user)


def test_a_request_keeps_its_note_and_tells_the_recipient_in_their_language(
    german, german_user, french, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        made = _send(german, german_user, french, message="  Guten Tag  ")
    note = RequestNote.objects.get(request=made)
    assert (note.message, note.sent_by, note.answered_at) == ("Guten Tag", german_user, None)
    (told,) = Notification.objects.filter(user=factories.user_of(french))
    assert told.text.startswith("Sonnenwerk GmbH vous propose un rendez-vous")
    assert len(mail.outbox) == 1


def test_a_long_message_is_refused_on_its_field(german, german_user, french):
    with pytest.raises(RequestRuleError) as refused:
        _send(german, german_user, french, message="x" * (MESSAGE_LENGTH + 1))
    assert refused.value.field == "message"
    assert not MeetingRequest.objects.exists()


def test_the_events_quota_applies(german, german_user, french, fair):
    rules = rules_of(fair)
    rules.request_quota = 0
    rules.save()
    with pytest.raises(RequestRuleError, match="0 meeting requests"):
        _send(german, german_user, french)


def test_after_the_request_deadline_nothing_is_sent_or_answered(german, german_user, french, fair):
    made = _send(german, german_user, french)
    rules = rules_of(fair)
    rules.request_deadline = timezone.now() - timedelta(minutes=1)
    rules.save()
    with pytest.raises(RequestRuleError, match="until"):
        answer_request(recipient=french, meeting_request=made, accept=True)
    with pytest.raises(RequestRuleError, match="until"):
        _send(french, factories.user_of(french), german)


def test_an_answer_is_noted_and_tells_the_requester(german, german_user, french):
    made = _send(german, german_user, french)
    answer_request(recipient=french, meeting_request=made, accept=False)
    assert RequestNote.objects.get(request=made).answered_at is not None
    told = Notification.objects.filter(user=german_user).values_list("text", flat=True)
    assert [text for text in told if "Vignoble Exportateur" in text] != []


def test_a_refused_request_leaves_no_note_and_tells_nobody(german, german_user, french):
    _send(german, german_user, french)
    count = Notification.objects.count()
    with pytest.raises(RequestRuleError):
        _send(german, german_user, french)
    assert RequestNote.objects.count() == 1
    assert Notification.objects.count() == count
