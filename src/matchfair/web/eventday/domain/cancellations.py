"""Withdrawing a request and cancelling a meeting: the pair is freed at once and both told.

A participant withdraws a request it sent, or calls off one both sides accepted; either
side cancels a meeting of the published schedule, until the organizer's cut-off before
it starts; the organizer cancels any request or meeting, cut-off or not. What is freed
is freed at once: the meeting's row leaves the live schedule (its slot, table, room and
interpreter are free for anyone), a published meeting is kept as a ``cancelled``
outcome (what the event file and reports read), and the pair's requests are declined,
so the next scheduler run does not place the pair again until one side asks again.

Every write takes the schedule lock first and checks under it, so a double click or two
sides cancelling at the same moment end with one cancellation and a clear refusal.
"""

from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.dates import moment_with_zone
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.models import Cancellation
from matchfair.web.eventday.queries import day_rules_of
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.notify.domain.agendas import notify_agenda_changes_on_commit
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.outbox.models import Mail
from matchfair.web.outcomes.domain.checks import next_position
from matchfair.web.outcomes.models import MeetingOutcome

REASON_LENGTH = 500


class CancellationRuleError(ValueError):
    """A withdrawal or cancellation the rules refuse; ``field`` is the form field at fault."""

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


def _clean_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise CancellationRuleError(_("Say why: the other side reads it."), "reason")
    if len(reason) > REASON_LENGTH:
        raise CancellationRuleError(
            _("The reason is limited to %(count)d characters.") % {"count": REASON_LENGTH},
            "reason",
        )
    return reason


def _pair_requests(event_id: int, a_id: int, b_id: int) -> QuerySet[MeetingRequest]:
    return MeetingRequest.objects.filter(event_id=event_id).filter(
        Q(requester_id=a_id, recipient_id=b_id) | Q(requester_id=b_id, recipient_id=a_id)
    )


def _pair_meetings(event_id: int, a_id: int, b_id: int) -> QuerySet[Meeting]:
    return Meeting.objects.filter(event_id=event_id).filter(
        Q(a_id=a_id, b_id=b_id) | Q(a_id=b_id, b_id=a_id)
    )


def _with_reason(message: stored_text.Stored, reason: str) -> stored_text.Stored:
    return stored_text.sentences(
        [message, stored_text.gettext("Reason: %(reason)s", reason=reason)]
    )


def _tell(
    *,
    sides: tuple[Participation, Participation],
    by: Participation | None,
    own: str,
    partner: str,
    organizer: str,
    subject: stored_text.Stored,
    reason: str,
    site_url: str,
    **params: object,
) -> None:
    """Tell both sides in their language: the side that cancelled, its partner, or both."""
    for side, other in (sides, sides[::-1]):
        if by is None:
            msgid = organizer
        elif side.pk == by.pk:
            msgid = own
        else:
            msgid = partner
        notify(
            side,
            _with_reason(
                stored_text.gettext(msgid, name=other.organization.name, **params), reason
            ),
            subject=subject,
            kind=Mail.Kind.AGENDA,
            link=reverse("portal:agenda", args=[side.pk]),
            site_url=site_url,
        )


def _record_cancellation(
    *,
    event_id: int,
    kind: str,
    a: Participation,
    b: Participation,
    by: Participation | None,
    user: AbstractBaseUser | None,
    reason: str,
    now: datetime,
    request: MeetingRequest | None = None,
    meeting: Meeting | None = None,
) -> Cancellation:
    return Cancellation.objects.create(
        event_id=event_id,
        kind=kind,
        a=a,
        b=b,
        start=meeting.start if meeting else None,
        meeting_number=meeting.pk if meeting else None,
        request=request,
        by_participation=by,
        by=user if user is not None and user.is_authenticated else None,
        reason=reason,
        at=now,
    )


def _request_refusal_by_its_row(
    meeting_request: MeetingRequest, by: Participation | None
) -> str | None:
    requester_id, recipient_id = meeting_request.requester_id, meeting_request.recipient_id
    status = meeting_request.status
    if by is not None and by.pk not in (requester_id, recipient_id):
        return _("Only the two sides of a request can withdraw it.")
    if status == MeetingRequest.Status.DECLINED:
        return _("This request is withdrawn or declined already.")
    if by is not None and meeting_request.mandatory:
        return _("The organizer set up this meeting: ask the organizer to cancel it.")
    if by is not None and status == MeetingRequest.Status.REQUESTED and by.pk == recipient_id:
        return _("A request sent to you is declined, not withdrawn.")
    return None


def offers_withdrawal(*, meeting_request: MeetingRequest, by: Participation | None) -> bool:
    """Whether a list of requests offers ``by`` to withdraw this one (no query: lists are long).

    Only a published meeting of the pair, which the withdrawal page itself checks, can
    still refuse it.
    """
    return _request_refusal_by_its_row(meeting_request, by) is None


def request_refusal(*, meeting_request: MeetingRequest, by: Participation | None) -> str | None:
    """Why ``by`` (None: the organizer) may not withdraw this request now; None if it may.

    A participant withdraws what it sent, or either side calls off an accepted request;
    an open request sent to it is declined on the requests page instead, and a
    tailor-made meeting is the organizer's. A published meeting of the pair is
    cancelled as a meeting, where the cut-off applies. Pages ask this before they
    offer the withdrawal; ``withdraw_request`` asks it again under the schedule lock.
    """
    refusal = _request_refusal_by_its_row(meeting_request, by)
    if refusal:
        return refusal
    meetings = _pair_meetings(
        meeting_request.event_id, meeting_request.requester_id, meeting_request.recipient_id
    )
    if meetings.filter(published=True).exists():
        return _("This meeting is on the published schedule: cancel the meeting itself.")
    return None


@transaction.atomic
def withdraw_request(
    *,
    meeting_request: MeetingRequest,
    by: Participation | None,
    user: AbstractBaseUser | None,
    reason: str,
    site_url: str = "",
    now: datetime | None = None,
) -> Cancellation:
    """Withdraw a request or call off an accepted one not on the published schedule.

    ``by`` is the side withdrawing; None means the organizer. The rules are
    ``request_refusal``'s. Draft meetings of the pair leave the schedule with it.
    """
    now = now or timezone.now()
    reason = _clean_reason(reason)
    event = meeting_request.event
    lock_schedule(event=event)
    meeting_request = MeetingRequest.objects.select_related(
        "requester__organization", "recipient__organization"
    ).get(pk=meeting_request.pk)
    refusal = request_refusal(meeting_request=meeting_request, by=by)
    if refusal:
        raise CancellationRuleError(refusal)
    requester, recipient = meeting_request.requester, meeting_request.recipient
    status = meeting_request.status
    meetings = _pair_meetings(event.pk, requester.pk, recipient.pk)
    meetings.delete()
    _pair_requests(event.pk, requester.pk, recipient.pk).exclude(
        status=MeetingRequest.Status.DECLINED
    ).update(status=MeetingRequest.Status.DECLINED)
    cancellation = _record_cancellation(
        event_id=event.pk,
        kind=Cancellation.Kind.WITHDRAWN,
        a=requester,
        b=recipient,
        by=by,
        user=user,
        reason=reason,
        now=now,
        request=meeting_request,
    )
    record(
        event,
        "request.withdrawn",
        meeting_request,
        stored_text.gettext(
            "%(requester)s → %(recipient)s: %(reason)s",
            requester=str(requester),
            recipient=str(recipient),
            reason=reason,
        ),
    )
    accepted = status == MeetingRequest.Status.ACCEPTED
    _tell(
        sides=(requester, recipient),
        by=by,
        own=gettext_noop("You called off the meeting with %(name)s.")
        if accepted
        else gettext_noop("You withdrew the meeting request to %(name)s."),
        partner=gettext_noop("%(name)s called off the meeting you had agreed.")
        if accepted
        else gettext_noop("%(name)s withdrew its meeting request."),
        organizer=gettext_noop(
            "The organizer called off the meeting request between you and %(name)s."
        ),
        subject=stored_text.gettext("Meeting request withdrawn at %(event)s", event=event.name),
        reason=reason,
        site_url=site_url,
    )
    return cancellation


def meeting_refusal(*, meeting: Meeting, by: Participation | None, now: datetime) -> str | None:
    """Why ``by`` (None: the organizer) may not cancel this meeting at ``now``; None if it may.

    A side cancels its own published meetings until the organizer's cut-off before the
    start, a refusal that names the cut-off and the start in the reader's time zone;
    the organizer cancels any meeting at any time. Pages ask this before they offer the
    cancellation; ``cancel_meeting`` asks it again under the schedule lock.
    """
    if by is None:
        return None
    if by.pk not in (meeting.a_id, meeting.b_id):
        return _("Only the two sides of a meeting can cancel it.")
    if not meeting.published:
        return _("This meeting is not on your agenda yet.")
    minutes = day_rules_of(meeting.event).cancel_cutoff_minutes
    if meeting.start - now < timedelta(minutes=minutes):
        return ngettext(
            "Participants can cancel a meeting until %(minutes)d minute before it "
            "starts; this one starts %(start)s. Ask the organizer to cancel it.",
            "Participants can cancel a meeting until %(minutes)d minutes before it "
            "starts; this one starts %(start)s. Ask the organizer to cancel it.",
            minutes,
        ) % {"minutes": minutes, "start": moment_with_zone(meeting.start)}
    return None


def _already_cancelled(meeting_pk: int) -> CancellationRuleError:
    earlier = Cancellation.objects.filter(meeting_number=meeting_pk).first()
    if earlier is None:
        return CancellationRuleError(_("This meeting is no longer on the schedule."))
    return CancellationRuleError(
        _("This meeting was cancelled already, %(when)s.") % {"when": moment_with_zone(earlier.at)}
    )


@transaction.atomic
def cancel_meeting(
    *,
    meeting: Meeting,
    by: Participation | None,
    user: AbstractBaseUser | None,
    reason: str,
    site_url: str = "",
    now: datetime | None = None,
) -> Cancellation:
    """Cancel a scheduled meeting: its slot, table and interpreter are free at once.

    ``by`` is the side cancelling, held to the organizer's cut-off and to its own
    published meetings; None means the organizer, who may cancel any meeting at any
    time. A published meeting is kept as a ``cancelled`` outcome; the pair's requests
    are declined unless another meeting of the pair stays on the schedule.
    """
    now = now or timezone.now()
    reason = _clean_reason(reason)
    event = meeting.event
    lock_schedule(event=event)
    found = (
        Meeting.objects.select_related("a__organization", "b__organization", "event")
        .filter(pk=meeting.pk, event=event)
        .first()
    )
    if found is None:
        raise _already_cancelled(meeting.pk)
    meeting = found
    refusal = meeting_refusal(meeting=meeting, by=by, now=now)
    if refusal:
        raise CancellationRuleError(refusal)
    a, b, published, number = meeting.a, meeting.b, meeting.published, meeting.pk
    meeting.delete()
    meeting.pk = number
    if published:
        outcome, created = MeetingOutcome.objects.get_or_create(
            event=event,
            a=a,
            b=b,
            start=meeting.start,
            defaults={
                "status": MeetingOutcome.Status.CANCELLED,
                "position": next_position(MeetingOutcome.objects.filter(event=event)),
            },
        )
        if not created and outcome.status != MeetingOutcome.Status.CANCELLED:
            outcome.status = MeetingOutcome.Status.CANCELLED
            outcome.save(update_fields=["status"])
    pair = _pair_requests(event.pk, a.pk, b.pk)
    declined = pair.filter(status=MeetingRequest.Status.ACCEPTED).first()
    if not _pair_meetings(event.pk, a.pk, b.pk).exists():
        pair.exclude(status=MeetingRequest.Status.DECLINED).update(
            status=MeetingRequest.Status.DECLINED
        )
    cancellation = _record_cancellation(
        event_id=event.pk,
        kind=Cancellation.Kind.CANCELLED,
        a=a,
        b=b,
        by=by,
        user=user,
        reason=reason,
        now=now,
        request=declined,
        meeting=meeting,
    )
    record(
        event,
        "meeting.cancelled",
        cancellation,
        stored_text.gettext(
            "%(a)s – %(b)s, %(start)s: %(reason)s",
            a=str(a),
            b=str(b),
            start=stored_text.moment(meeting.start),
            reason=reason,
        ),
    )
    _tell(
        sides=(a, b),
        by=by,
        own=gettext_noop("You cancelled your meeting with %(name)s on %(start)s."),
        partner=gettext_noop("%(name)s cancelled your meeting on %(start)s."),
        organizer=gettext_noop("The organizer cancelled your meeting with %(name)s on %(start)s."),
        subject=stored_text.gettext("Meeting cancelled at %(event)s", event=event.name),
        reason=reason,
        site_url=site_url,
        start=stored_text.moment(meeting.start),
    )
    if published:
        notify_agenda_changes_on_commit(event=event)
    return cancellation
