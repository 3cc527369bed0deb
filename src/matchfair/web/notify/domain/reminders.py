"""Scheduled reminders: what is due now, queued once per kind, target and occurrence.

The worker's periodic task (``notify.tasks.due_reminders_task``) or the
``due_reminders`` management command (cron) calls ``queue_due_reminders``. Each kind opens a
window (the open requests every N days until the request deadline, the deadline
announced some hours before it, the agenda the day before the first session,
feedback after the last one, the impact follow-up some months later); a run queues
what falls in an open window and was not queued yet. The ``SentReminder`` row (kind,
target, occurrence) is written in the transaction that queues the mails, under a
unique constraint, so running the task twice, or two workers at once, queues each
reminder once.
"""

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Min, Q
from django.urls import reverse
from django.utils import timezone

from matchfair.web import stored_text
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event, Session
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.notify.domain.notifications import language_of, people_of
from matchfair.web.notify.domain.personal import zone_of
from matchfair.web.notify.domain.portal_rules import rules_of
from matchfair.web.notify.models import PersonalSettings, ReminderSettings, SentReminder
from matchfair.web.outbox.domain.checks import MailRefusedError, one_line_values
from matchfair.web.outbox.domain.queueing import Attachment, Draft, check_draft, queue_mails
from matchfair.web.outbox.models import Mail
from matchfair.web.outcomes.domain.follow_up import FOLLOW_UP_LINK_DAYS, follow_up_token
from matchfair.web.outcomes.models import Agreement, AgreementParty

logger = logging.getLogger(__name__)

FEEDBACK_WINDOW = timedelta(days=14)
"""How long after it falls due a feedback request is still sent (a worker down for a while)."""
FOLLOW_UP_WINDOW = timedelta(days=30)


class Kind:
    OPEN_REQUESTS = "open-requests"
    REQUEST_DEADLINE = "request-deadline"
    AGENDA = "agenda"
    FEEDBACK = "feedback"
    FOLLOW_UP = "follow-up"
    MEETING_SOON = "meeting-soon"


@dataclass(frozen=True)
class Due:
    """One reminder to one organization (or one party of an agreement)."""

    kind: str
    target: str
    occurrence: str
    participation: Participation
    subject: stored_text.Stored
    body: stored_text.Stored
    link: str
    opted_in_only: bool = False
    attachments: tuple[Attachment, ...] = ()


AgendaFile = Callable[[Participation], Attachment]
_agenda_files: list[AgendaFile] = []


def attach_to_agenda_reminder(render: AgendaFile) -> None:
    """Have the agenda reminder carry the file ``render`` makes for each organization.

    The calendar is rendered in ``exports``, above this app: ``exports`` registers its
    renderer here when Django starts (``ExportsConfig.ready``), so this module never
    imports it.
    """
    if render not in _agenda_files:
        _agenda_files.append(render)


def settings_of(event: Event) -> ReminderSettings:
    """The event's reminder settings; an event nobody configured gets the defaults."""
    return ReminderSettings.objects.get_or_create(event=event)[0]


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` ``months`` later, on the same day or the month's last one."""
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError(moment)


def _open_requests(event: Event, chosen: ReminderSettings, now: datetime) -> Iterator[Due]:
    deadline = rules_of(event).request_deadline or _bounds(event)[0]
    every = max(chosen.open_requests_days, 1)
    if deadline is None or now >= deadline:
        return
    waiting = (
        Participation.objects.filter(
            event=event, requests_received__status=MeetingRequest.Status.REQUESTED
        )
        .distinct()
        .select_related("organization")
    )
    period = str(int(now.timestamp()) // (every * 86400))
    for participation in waiting:
        count = participation.requests_received.filter(
            status=MeetingRequest.Status.REQUESTED
        ).count()
        yield Due(
            Kind.OPEN_REQUESTS,
            str(participation.pk),
            period,
            participation,
            stored_text.gettext(
                "Meeting requests are waiting for you (%(event)s)", event=event.name
            ),
            stored_text.ngettext(
                "%(count)d meeting request is waiting for your answer. Please answer before %(deadline)s.",
                "%(count)d meeting requests are waiting for your answer. Please answer before %(deadline)s.",
                count,
                deadline=stored_text.moment(deadline),
            ),
            reverse("portal:requests", args=[participation.pk]),
        )


def _request_deadline(event: Event, chosen: ReminderSettings, now: datetime) -> Iterator[Due]:
    deadline = rules_of(event).request_deadline
    if deadline is None or not (
        deadline - timedelta(hours=chosen.request_deadline_hours) <= now < deadline
    ):
        return
    for participation in Participation.objects.filter(event=event):
        yield Due(
            Kind.REQUEST_DEADLINE,
            str(participation.pk),
            deadline.isoformat(),
            participation,
            stored_text.gettext("Meeting requests close soon (%(event)s)", event=event.name),
            stored_text.gettext(
                "Meeting requests can be sent and answered until %(deadline)s.",
                deadline=stored_text.moment(deadline),
            ),
            reverse("portal:catalog", args=[participation.pk]),
        )


def _bounds(event: Event) -> tuple[datetime | None, datetime | None]:
    found = Session.objects.filter(event=event).aggregate(start=Min("start"), end=Max("end"))
    return found["start"], found["end"]


def _with_meetings(event: Event) -> list[Participation]:
    meetings = Meeting.objects.filter(event=event, published=True)
    return list(
        Participation.objects.filter(event=event)
        .filter(Q(pk__in=meetings.values("a_id")) | Q(pk__in=meetings.values("b_id")))
        .select_related("organization")
    )


def _agenda(event: Event, chosen: ReminderSettings, now: datetime) -> Iterator[Due]:
    start = _bounds(event)[0]
    if start is None or not (start - timedelta(hours=chosen.agenda_hours) <= now < start):
        return
    site = settings.MATCHFAIR_SITE_URL.rstrip("/")
    for participation in _with_meetings(event):
        yield Due(
            Kind.AGENDA,
            str(participation.pk),
            start.isoformat(),
            participation,
            stored_text.gettext("Your agenda for %(event)s", event=event.name),
            # The .ics is attached too where ``exports`` registered its calendar.
            stored_text.gettext(
                "%(event)s starts on %(start)s. Your agenda (PDF): %(pdf)s — add it to your "
                "calendar: %(ics)s",
                event=event.name,
                start=stored_text.moment(start),
                # Whole addresses: a mail program links only those.
                pdf=site + reverse("portal:agenda_pdf", args=[participation.pk]),
                ics=site + reverse("portal:agenda_ics", args=[participation.pk]),
            ),
            reverse("portal:agenda", args=[participation.pk]),
            attachments=tuple(render(participation) for render in _agenda_files),
        )


def _feedback(event: Event, chosen: ReminderSettings, now: datetime) -> Iterator[Due]:
    end = _bounds(event)[1]
    if end is None:
        return
    due = end + timedelta(hours=chosen.feedback_hours)
    if not (due <= now < due + FEEDBACK_WINDOW):
        return
    for participation in _with_meetings(event):
        yield Due(
            Kind.FEEDBACK,
            str(participation.pk),
            due.isoformat(),
            participation,
            stored_text.gettext("How did your meetings go? (%(event)s)", event=event.name),
            stored_text.gettext(
                "Thank you for taking part in %(event)s. Tell us what your meetings led to.",
                event=event.name,
            ),
            reverse("portal:participant_outcomes", args=[participation.pk]),
        )


def _follow_up(event: Event, chosen: ReminderSettings, now: datetime) -> Iterator[Due]:
    end = _bounds(event)[1]
    if end is None:
        return
    open_months = [
        months
        for months in chosen.follow_up_months
        if add_months(end, months) <= now < add_months(end, months) + FOLLOW_UP_WINDOW
    ]
    if not open_months:
        return
    parties = AgreementParty.objects.filter(
        agreement__event=event,
        agreement__status__in=(Agreement.Status.INTENTION, Agreement.Status.SIGNED),
    ).select_related("agreement", "participation__organization")
    for months in open_months:
        for party in parties:
            token = follow_up_token(agreement=party.agreement, party=party.participation)
            yield Due(
                Kind.FOLLOW_UP,
                f"{party.agreement_id}:{party.participation_id}",
                f"{months}m",
                party.participation,
                stored_text.gettext(
                    "How has “%(title)s” moved on? (%(event)s)",
                    title=party.agreement.title,
                    event=event.name,
                ),
                stored_text.ngettext(
                    "%(count)d month ago at %(event)s, you agreed on “%(title)s”. Has it been "
                    "signed or implemented, and for what amount? Answer with the link below "
                    "(valid for %(days)d days), no password needed.",
                    "%(count)d months ago at %(event)s, you agreed on “%(title)s”. Has it been "
                    "signed or implemented, and for what amount? Answer with the link below "
                    "(valid for %(days)d days), no password needed.",
                    months,
                    event=event.name,
                    title=party.agreement.title,
                    days=FOLLOW_UP_LINK_DAYS,
                ),
                reverse("portal:follow_up", args=[event.pk, token]),
            )


def _meeting_soon(event: Event, chosen: ReminderSettings, now: datetime) -> Iterator[Due]:
    """Each side of a published meeting starting within the minutes chosen (opt-in people only)."""
    meetings = Meeting.objects.filter(
        event=event,
        published=True,
        start__gte=now,
        start__lt=now + timedelta(minutes=chosen.meeting_soon_minutes),
    ).select_related("a__organization", "b__organization")
    for meeting in meetings:
        for side, partner in ((meeting.a, meeting.b), (meeting.b, meeting.a)):
            yield Due(
                Kind.MEETING_SOON,
                f"{meeting.pk}:{side.pk}",
                meeting.start.isoformat(),
                side,
                stored_text.gettext(
                    "Your meeting with %(partner)s starts soon", partner=partner.organization.name
                ),
                stored_text.gettext(
                    "Your meeting with %(partner)s starts at %(start)s (%(place)s).",
                    partner=partner.organization.name,
                    start=stored_text.moment(meeting.start),
                    place=meeting.location
                    or (stored_text.gettext("online") if meeting.online else ""),
                ),
                reverse("portal:agenda", args=[side.pk]),
                opted_in_only=True,
            )


def due_reminders(event: Event, now: datetime) -> list[Due]:
    """Every reminder of ``event`` whose window is open at ``now`` (sent or not)."""
    chosen = settings_of(event)
    kinds = (
        (chosen.open_requests, _open_requests),
        (chosen.request_deadline, _request_deadline),
        (chosen.agenda, _agenda),
        (chosen.feedback, _feedback),
        (chosen.follow_up, _follow_up),
        (chosen.meeting_soon, _meeting_soon),
    )
    return [due for enabled, compute in kinds if enabled for due in compute(event, chosen, now)]


MAIL_KINDS = {Kind.FEEDBACK: Mail.Kind.FEEDBACK, Kind.FOLLOW_UP: Mail.Kind.FEEDBACK}
"""The mail kind a person mutes a reminder by: questions about outcomes, else reminders."""


def _drafts(event: Event, due: Due) -> list[Draft]:
    """The mails of ``due``, one per delegate; an address the outbox refuses is left out."""
    drafts = []
    people = people_of(due.participation)
    if due.opted_in_only:
        asked = set(
            PersonalSettings.objects.filter(
                user__in=[user.pk for user in people], meeting_soon=True
            ).values_list("user_id", flat=True)
        )
        people = [user for user in people if user.pk in asked]
    for user in people:
        if not user.email:
            continue
        draft = Draft(
            address=user.email,
            name=user.get_full_name(),
            language=language_of(user),
            time_zone=zone_of(user, participation=due.participation),
            kind=MAIL_KINDS.get(due.kind, Mail.Kind.REMINDER),
            subject=one_line_values(due.subject),
            body=due.body,
            link=due.link,
            event=event,
            user=user,
            attachments=due.attachments,
        )
        try:
            check_draft(draft)
        except MailRefusedError as error:
            logger.warning("no reminder to user %s: %s", user.pk, error)
            continue
        drafts.append(draft)
    return drafts


def queue_due_reminders(now: datetime | None = None) -> int:
    """Queue every due reminder of every event not queued yet; the number of mails queued."""
    now = now or timezone.now()
    queued = 0
    for event in Event.objects.filter(sessions__isnull=False).distinct():
        for due in due_reminders(event, now):
            try:
                with transaction.atomic():
                    SentReminder.objects.create(
                        event=event, kind=due.kind, target=due.target, occurrence=due.occurrence
                    )
                    queued += len(queue_mails(_drafts(event, due)))
            except IntegrityError:
                continue  # queued by an earlier run
    return queued
