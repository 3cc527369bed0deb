"""Reporting a message to the organizer, and the organizer's decision: hide it or keep it.

A report is the only way an organizer reads a message: the reported message, its
author and the reason, on the organizer's list of reported messages.
"""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.directory.models import Participation
from matchfair.web.talk.domain.errors import MessageRuleError
from matchfair.web.talk.models import Message, Report

REASON_LENGTH = 500


def report_message(
    *, side: Participation, message: Message, reporter: AbstractBaseUser, reason: str
) -> Report:
    """Show the organizer a message ``side`` received, with why it should not be there."""
    reason = reason.strip()
    if not reason:
        raise MessageRuleError(_("Say why you report this message."), "reason", status=422)
    if len(reason) > REASON_LENGTH:
        raise MessageRuleError(
            _("The reason is limited to %(limit)d characters.") % {"limit": REASON_LENGTH},
            "reason",
            status=422,
        )
    if message.side_id == side.pk:
        raise MessageRuleError(_("You can only report messages you received."))
    with transaction.atomic():
        if Report.objects.filter(message=message, reporter=reporter).exists():
            raise MessageRuleError(_("You have reported this message already."))
        report = Report.objects.create(message=message, reporter=reporter, reason=reason)
        record(
            side.event,
            "talk.message_reported",
            report,
            stored_text.gettext(
                "%(name)s reported a message of %(author)s",
                name=side.organization.name,
                author=message.side.organization.name,
            ),
        )
    return report


def decide_report(*, report: Report, hide: bool, now: datetime | None = None) -> None:
    """Hide the reported message from both sides, or keep it; closes its every report."""
    now = now or timezone.now()
    message = report.message
    with transaction.atomic():
        message.hidden_at = now if hide else None
        message.save(update_fields=["hidden_at"])
        decision = Report.Decision.HIDDEN if hide else Report.Decision.KEPT
        Report.objects.filter(message=message).update(decision=decision, decided_at=now)
        record(
            message.conversation.event,
            "talk.report_decided",
            report,
            stored_text.gettext("Reported message hidden")
            if hide
            else stored_text.gettext("Reported message kept"),
        )
