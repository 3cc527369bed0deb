"""A mail's attachment (the agenda's calendar) travels with it to a real SMTP server, unchanged."""

import pytest

from matchfair.web import stored_text
from matchfair.web.outbox.domain.checks import MailRefusedError
from matchfair.web.outbox.domain.delivery import deliver_due
from matchfair.web.outbox.domain.queueing import Attachment, Draft, queue_mails
from matchfair.web.outbox.models import Mail

CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:日程\r\nEND:VCALENDAR\r\n"


def _draft(fair, attachment: Attachment) -> Draft:
    return Draft(
        address="li@cs.example",
        language="zh-hans",
        kind=Mail.Kind.REMINDER,
        subject=stored_text.gettext("Your agenda for %(event)s", event=fair.name),
        body=stored_text.gettext("Your agenda for %(event)s has changed.", event=fair.name),
        event=fair,
        attachments=(attachment,),
    )


def test_the_calendar_arrives_attached(smtp_server, fair):
    queue_mails([_draft(fair, Attachment("fair.ics", "text/calendar", CALENDAR))])
    deliver_due()
    (message,) = smtp_server.messages
    (part,) = list(message.iter_attachments())
    assert part.get_filename() == "fair.ics"
    assert part.get_content_type() == "text/calendar"
    assert "X-WR-CALNAME:日程" in part.get_content()


def test_a_line_break_in_an_attachments_name_is_refused(db, fair):
    with pytest.raises(MailRefusedError) as refused:
        queue_mails([_draft(fair, Attachment("a.ics\r\nBcc: x@example.org", "text/calendar", ""))])
    assert refused.value.field == "attachment"
    assert not Mail.objects.exists()
