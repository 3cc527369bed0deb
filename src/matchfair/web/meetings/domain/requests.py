"""Participants' meeting requests: sending one and answering one, each audited.

The rules of a request itself live here (same event, not oneself, once per pair, within
the quota, answered once by the organization asked). The event's portal settings (the
quota's value, the deadline), the sender's note and telling the other side are the
caller's: ``notify.domain.requests`` wraps these functions for the pages and the API.
"""

from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matchfair.web.audit.services import record
from matchfair.web.directory.models import Participation
from matchfair.web.meetings.models import MeetingRequest


class RequestRuleError(ValueError):
    """A request or answer the rules refuse; ``field`` is the form field at fault (or None)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


def requests_sent(participation: Participation) -> int:
    """Requests that count against the quota: the organizer's tailor-made meetings do not."""
    return MeetingRequest.objects.filter(
        event_id=participation.event_id, requester=participation, mandatory=False
    ).count()


def _check_pair(*, requester: Participation, recipient: Participation) -> None:
    """Refuse a request to an organization of another event, or to oneself."""
    if recipient.event_id != requester.event_id:
        raise RequestRuleError(_("This organization does not take part in the event."))
    if recipient.pk == requester.pk:
        raise RequestRuleError(_("An organization cannot meet itself."))


@transaction.atomic
def send_request(
    *, requester: Participation, recipient: Participation, quota: int | None
) -> MeetingRequest:
    """Ask to meet ``recipient``: within ``quota`` requests (None: no limit), once per pair."""
    _check_pair(requester=requester, recipient=recipient)
    event = requester.event
    # Lock the requester's row so that two tabs cannot both take the last request of the quota.
    Participation.objects.select_for_update().filter(pk=requester.pk).first()
    if quota is not None and requests_sent(requester) >= quota:
        raise RequestRuleError(
            ngettext(
                "Your organization has sent its %(quota)d meeting request, the most allowed.",
                "Your organization has sent its %(quota)d meeting requests, the most allowed.",
                quota,
            )
            % {"quota": quota}
        )
    between = MeetingRequest.objects.filter(event=event).filter(
        Q(requester=requester, recipient=recipient) | Q(requester=recipient, recipient=requester)
    )
    existing = between.exclude(status=MeetingRequest.Status.DECLINED).first()
    if existing is not None:
        if existing.requester_id == requester.pk:
            raise RequestRuleError(
                _("You have asked to meet %(name)s already.")
                % {"name": recipient.organization.name}
            )
        raise RequestRuleError(
            _("%(name)s has asked to meet you already: answer their request.")
            % {"name": recipient.organization.name}
        )
    position = (
        MeetingRequest.objects.filter(event=event).aggregate(Max("position"))["position__max"] or 0
    )
    meeting_request = MeetingRequest.objects.create(
        event=event,
        requester=requester,
        recipient=recipient,
        status=MeetingRequest.Status.REQUESTED,
        mandatory=False,
        position=position + 1,
    )
    record(event, "request.sent", meeting_request, f"{requester} → {recipient}")
    return meeting_request


@transaction.atomic
def answer_request(
    *, recipient: Participation, meeting_request: MeetingRequest, accept: bool
) -> MeetingRequest:
    """Accept or decline a request made to ``recipient``; only open requests can be answered.

    The request's row is locked and its state read again under the lock: of answers
    sent at the same moment (a double click, parallel API calls), each holding the
    request as it was before any of them, one wins and the others find it answered, so
    there is one audit entry and one e-mail.
    """
    if (
        meeting_request.recipient_id != recipient.pk
        or meeting_request.event_id != recipient.event_id
    ):
        raise RequestRuleError(_("Only the organization asked can answer this request."))
    meeting_request.status = (
        MeetingRequest.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=meeting_request.pk)
    )
    if meeting_request.status != MeetingRequest.Status.REQUESTED:
        raise RequestRuleError(_("This request has been answered already."))
    meeting_request.status = (
        MeetingRequest.Status.ACCEPTED if accept else MeetingRequest.Status.DECLINED
    )
    meeting_request.save(update_fields=["status"])
    record(
        recipient.event,
        f"request.{meeting_request.status}",
        meeting_request,
        f"{meeting_request.requester} → {recipient}",
    )
    return meeting_request
