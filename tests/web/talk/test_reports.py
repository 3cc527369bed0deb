"""Reporting a message: the organizer reads only reported messages, and hides or keeps them."""

import pytest

from matchfair.web.audit.labels import action_label
from matchfair.web.audit.models import AuditEntry
from matchfair.web.talk.domain.errors import MessageRuleError
from matchfair.web.talk.domain.messages import send_message
from matchfair.web.talk.domain.reports import decide_report, report_message
from matchfair.web.talk.models import Report
from matchfair.web.talk.queries import thread
from matchfair.web.talk.rules import reported_messages

pytestmark = pytest.mark.django_db


def _rude(world):
    return send_message(
        side=world.tegnology, partner=world.tsinghua, author=world.teg_user, text="Buy my stuff!"
    )


def test_the_organizer_reads_a_message_only_once_it_is_reported(world):
    message = _rude(world)
    assert not reported_messages(world.organizer, world.event).exists()
    report_message(
        side=world.tsinghua, message=message, reporter=world.tsinghua_user, reason="spam"
    )
    (report,) = reported_messages(world.organizer, world.event)
    assert (report.message.text, report.reason) == ("Buy my stuff!", "spam")
    for outsider in (world.viewer, world.other_organizer, world.teg_user):
        assert not reported_messages(outsider, world.event).exists()


def test_a_report_needs_a_reason_and_only_the_receiving_side_reports(world):
    message = _rude(world)
    with pytest.raises(MessageRuleError) as refused:
        report_message(
            side=world.tsinghua, message=message, reporter=world.tsinghua_user, reason=" "
        )
    assert refused.value.field == "reason"
    with pytest.raises(MessageRuleError):
        report_message(side=world.tegnology, message=message, reporter=world.teg_user, reason="x")
    report_message(side=world.tsinghua, message=message, reporter=world.tsinghua_user, reason="x")
    with pytest.raises(MessageRuleError):
        report_message(
            side=world.tsinghua, message=message, reporter=world.tsinghua_user, reason="again"
        )


def test_hiding_removes_the_text_for_both_sides_and_keeping_leaves_it(world):
    message = _rude(world)
    report = report_message(
        side=world.tsinghua, message=message, reporter=world.tsinghua_user, reason="spam"
    )
    decide_report(report=report, hide=True)
    (line,) = thread(message.conversation, world.tsinghua, world.tegnology)
    assert line.hidden
    assert line.text == ""
    assert Report.objects.get().decision == Report.Decision.HIDDEN
    decide_report(report=report, hide=False)
    (line,) = thread(message.conversation, world.tegnology, world.tsinghua)
    assert line.text == "Buy my stuff!"
    assert Report.objects.get().decision == Report.Decision.KEPT
    actions = list(
        AuditEntry.objects.filter(event=world.event, action__startswith="talk.").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == [
        "talk.message_reported",
        "talk.report_decided",
        "talk.report_decided",
    ]
    assert action_label("talk.message_reported") == "Message reported"
