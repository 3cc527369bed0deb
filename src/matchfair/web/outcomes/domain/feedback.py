"""Meeting feedback: one side's report on a meeting, and the signed link that lets it report.

Either side reports whether the meeting took place and, if it did, what it led to;
the link in an e-mail stands for one side of one meeting, so answering needs no
login. Asking the sides for feedback is a notification, sent by the pages above.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _

from matchfair.web.directory.models import Participation
from matchfair.web.meetings.models import Meeting
from matchfair.web.outcomes.domain.checks import OutcomeRuleError, next_position
from matchfair.web.outcomes.models import Feedback, FeedbackRecord, MeetingOutcome

FEEDBACK_LINK_SALT = "matchfair.outcomes.feedback"
FEEDBACK_LINK_DAYS = 90


def report_meeting(
    *,
    meeting: Meeting,
    side: Participation,
    status: str,
    result: str | None,
    note: str = "",
    user: AbstractBaseUser | None = None,
    by_organizer: bool = False,
) -> MeetingOutcome:
    """Record one side's report: whether the meeting took place and, if held, its result.

    A later report of the same side replaces its earlier one. The meeting's status is
    the latest one reported, since either side may correct it.
    """
    if side.pk not in (meeting.a_id, meeting.b_id):
        raise OutcomeRuleError(_("Only the two sides of a meeting can report on it."))
    if status not in MeetingOutcome.Status.values:
        raise OutcomeRuleError(_("Unknown meeting status: {status}").format(status=status))
    held = status == MeetingOutcome.Status.HELD
    if held and result not in Feedback.Result.values:
        raise OutcomeRuleError(_("Say what the meeting led to."))
    if not held and result:
        raise OutcomeRuleError(_("A meeting that did not take place has no result."))
    with transaction.atomic():
        outcome, created = MeetingOutcome.objects.select_for_update().get_or_create(
            event_id=meeting.event_id,
            a_id=meeting.a_id,
            b_id=meeting.b_id,
            start=meeting.start,
            defaults={
                "status": status,
                "position": next_position(MeetingOutcome.objects.filter(event_id=meeting.event_id)),
            },
        )
        if not created and outcome.status != status:
            outcome.status = status
            outcome.save(update_fields=["status"])
        if not held:
            Feedback.objects.filter(outcome=outcome, by=side).delete()
            return outcome
        feedback, _created = Feedback.objects.update_or_create(
            outcome=outcome,
            by=side,
            defaults={"result": result, "note": note or None},
            create_defaults={
                "result": result,
                "note": note or None,
                "position": next_position(outcome.feedback.all()),
            },
        )
        FeedbackRecord.objects.update_or_create(
            feedback=feedback, defaults={"recorded_by": user, "by_organizer": by_organizer}
        )
    return outcome


@dataclass(frozen=True)
class FeedbackInvitation:
    """What a feedback link in an e-mail stands for: one side of one meeting."""

    meeting: Meeting
    side: Participation


def feedback_token(*, meeting: Meeting, side: Participation) -> str:
    """A signed token for the e-mail link that lets a side report without logging in."""
    return signing.dumps({"meeting": meeting.pk, "side": side.pk}, salt=FEEDBACK_LINK_SALT)


def read_feedback_token(token: str) -> FeedbackInvitation:
    """The meeting and side of a feedback link; OutcomeRuleError when forged, stale or obsolete."""
    try:
        data = signing.loads(token, salt=FEEDBACK_LINK_SALT, max_age=FEEDBACK_LINK_DAYS * 86400)
    except signing.BadSignature:
        raise OutcomeRuleError(_("This feedback link is invalid or has expired.")) from None
    meeting = Meeting.objects.filter(pk=data["meeting"]).select_related("a", "b").first()
    if meeting is None or data["side"] not in (meeting.a_id, meeting.b_id):
        raise OutcomeRuleError(_("This meeting no longer exists."))
    side = meeting.a if meeting.a_id == data["side"] else meeting.b
    return FeedbackInvitation(meeting=meeting, side=side)
