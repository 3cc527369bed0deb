"""Meetings on the day: "we are here", "joined online" and "no show".

A side says it is at its table (or opened its online room); once both sides are
there the meeting is held (``MeetingOutcome`` held). When a side has not come
``DayRules.no_show_grace_minutes`` after the start, the side that is there (or the
organizer) marks it a no-show: the meeting leaves the live schedule at once, so the
partner's slot, the table and the interpreter are free again, it is kept as a
``MeetingOutcome`` no-show, and its request is declined so no later run places the
pair again unless one side asks again. Writes that change the schedule take the
schedule lock inside their transaction, and check after it.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.dates import clock
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.models import Presence
from matchfair.web.eventday.queries import day_rules_of
from matchfair.web.events.rules import is_organizer
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.notify.domain.agendas import notify_agenda_changes_on_commit
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.outbox.models import Mail
from matchfair.web.outcomes.models import MeetingOutcome

# A side may say it is there from this long before the start (people come early).
OPENS_BEFORE = timedelta(minutes=30)


class PresenceRuleError(ValueError):
    """A presence or no-show the day's rules refuse; pages and the API show its words."""


def _sides(meeting: Meeting) -> tuple[int, int]:
    return (meeting.a_id, meeting.b_id)


def _live(meeting_id: int) -> Meeting:
    """The meeting as it stands after the lock: a no-show or cancellation may have removed it."""
    meeting = (
        Meeting.objects.select_related("event", "a__organization", "b__organization")
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        raise PresenceRuleError(_("This meeting is no longer on the schedule."))
    if not meeting.published:
        raise PresenceRuleError(_("This meeting is not on the published schedule."))
    return meeting


def presence_open(meeting: Meeting, now: datetime) -> bool:
    """Whether sides may say they are there: from shortly before the start to the end."""
    return meeting.start - OPENS_BEFORE <= now <= meeting.end


def no_show_from(meeting: Meeting) -> datetime:
    """When the absent side may be marked a no-show: the start plus the organizer's grace."""
    return meeting.start + timedelta(minutes=day_rules_of(meeting.event).no_show_grace_minutes)


def _day_end(meeting: Meeting) -> datetime:
    """The end of the meeting's day in the event's time zone: a no-show is a thing of the day."""
    local = meeting.start.astimezone(ZoneInfo(meeting.event.timezone))
    return datetime.combine(local.date() + timedelta(days=1), time.min, tzinfo=local.tzinfo)


def _held(meeting: Meeting) -> None:
    """Both sides are there: the meeting is held (once, whatever was reported before)."""
    outcome, created = MeetingOutcome.objects.get_or_create(
        event_id=meeting.event_id,
        a_id=meeting.a_id,
        b_id=meeting.b_id,
        start=meeting.start,
        defaults={"status": MeetingOutcome.Status.HELD, "position": _next_outcome(meeting)},
    )
    if not created and outcome.status != MeetingOutcome.Status.HELD:
        outcome.status = MeetingOutcome.Status.HELD
        outcome.save(update_fields=["status"])


def _next_outcome(meeting: Meeting) -> int:
    last = MeetingOutcome.objects.filter(event_id=meeting.event_id).aggregate(n=Max("position"))
    return (last["n"] or 0) + 1


def mark_present(
    *,
    meeting: Meeting,
    side: Participation,
    how: str = Presence.How.HERE,
    now: datetime | None = None,
) -> Presence:
    """Note that ``side`` is at the meeting; a second call changes nothing.

    The caller has checked that the user speaks for ``side`` (a delegate of it, or an
    organizer). When the other side is there already, the meeting is held.
    """
    now = now or timezone.now()
    with transaction.atomic():
        lock_schedule(event=meeting.event)
        meeting = _live(meeting.pk)
        if side.pk not in _sides(meeting):
            raise PresenceRuleError(_("Only the two sides of a meeting can say they are there."))
        if not presence_open(meeting, now):
            raise PresenceRuleError(
                _("You can say you are there from 30 minutes before the meeting to its end.")
            )
        presence, created = Presence.objects.get_or_create(
            meeting=meeting, participation=side, defaults={"how": how, "at": now}
        )
        if not created:
            return presence
        here = Presence.objects.filter(meeting=meeting).count()
        if here == 2:
            _held(meeting)
        record(
            meeting.event,
            "meeting.present",
            meeting,
            stored_text.gettext(
                "%(name)s is at the meeting with %(partner)s (%(start)s).",
                name=side.organization.name,
                partner=_partner(meeting, side).organization.name,
                start=stored_text.moment(meeting.start),
            ),
        )
    return presence


def _partner(meeting: Meeting, side: Participation) -> Participation:
    return meeting.b if side.pk == meeting.a_id else meeting.a


def mark_no_show(
    *,
    meeting: Meeting,
    absent: Participation,
    by_side: Participation | None,
    user: AbstractBaseUser,
    now: datetime | None = None,
) -> MeetingOutcome:
    """Mark ``absent`` a no-show, freeing the slot; by the side that is there or an organizer.

    ``by_side`` is the side that reports (the caller has checked the user speaks for
    it); ``None`` means the organizer, which ``user`` must be. Refused before the grace
    period has passed, after the meeting's day (the outcome page records it then) and
    once the absent side has said it is there.
    """
    now = now or timezone.now()
    with transaction.atomic():
        lock_schedule(event=meeting.event)
        meeting = _live(meeting.pk)
        if absent.pk not in _sides(meeting):
            raise PresenceRuleError(_("This organization is not a side of the meeting."))
        if by_side is None:
            if not is_organizer(user, meeting.event):
                raise PresenceRuleError(_("Only the other side or the organizer can do this."))
        elif by_side.pk == absent.pk or by_side.pk not in _sides(meeting):
            raise PresenceRuleError(_("Only the other side or the organizer can do this."))
        starts = no_show_from(meeting)
        if now < starts:
            raise PresenceRuleError(
                _("A no-show can be marked from %(time)s, when the grace period has passed.")
                % {"time": clock(starts)}
            )
        if now >= _day_end(meeting):
            raise PresenceRuleError(
                _("A no-show is marked on the meeting's day; report it as the meeting's outcome.")
            )
        if Presence.objects.filter(meeting=meeting, participation=absent).exists():
            raise PresenceRuleError(_("This side said it is there: it is not a no-show."))
        outcome, _created = MeetingOutcome.objects.update_or_create(
            event_id=meeting.event_id,
            a_id=meeting.a_id,
            b_id=meeting.b_id,
            start=meeting.start,
            defaults={"status": MeetingOutcome.Status.NO_SHOW},
            create_defaults={
                "status": MeetingOutcome.Status.NO_SHOW,
                "position": _next_outcome(meeting),
            },
        )
        MeetingRequest.objects.filter(
            Q(requester_id=meeting.a_id, recipient_id=meeting.b_id)
            | Q(requester_id=meeting.b_id, recipient_id=meeting.a_id),
            event_id=meeting.event_id,
            status=MeetingRequest.Status.ACCEPTED,
        ).update(status=MeetingRequest.Status.DECLINED)
        summary = stored_text.gettext(
            "%(name)s did not come to the meeting with %(partner)s (%(start)s): no-show.",
            name=absent.organization.name,
            partner=_partner(meeting, absent).organization.name,
            start=stored_text.moment(meeting.start),
        )
        record(meeting.event, "meeting.no-show", meeting, summary)
        for side in (meeting.a, meeting.b):
            notify(
                side,
                summary,
                subject=stored_text.gettext("No-show at %(event)s", event=meeting.event.name),
                kind=Mail.Kind.AGENDA,
                link=reverse("portal:agenda", args=[side.pk]),
            )
        meeting.delete()
        notify_agenda_changes_on_commit(event=meeting.event)
    return outcome
