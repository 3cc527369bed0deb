"""The participant rules: joining an event, editing the profile, sending and answering requests.

Each rule is checked here, once, for every page and test that uses it; a refusal is a
``PortalRuleError`` whose ``field`` names the form field it concerns (None: the whole form).
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from matchfair.matching.language import detect
from matchfair.web.audit.services import record
from matchfair.web.directory.domain.identity import NOBODY, may_reuse, same_organization
from matchfair.web.directory.domain.invitations import unique_code
from matchfair.web.directory.models import Delegate, Opportunity, Organization, Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.portal.models import PersonalSettings, PortalRules, RequestNote, new_token
from matchfair.web.portal.notifications import notify

MESSAGE_LENGTH = 500


class PortalRuleError(ValueError):
    """A participant action the event's rules refuse; ``field`` is the form field at fault."""

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


def rules_of(event: Event) -> PortalRules:
    """The event's portal rules; an event nobody configured gets the defaults."""
    return PortalRules.objects.get_or_create(event=event)[0]


def settings_of(user: AbstractBaseUser) -> PersonalSettings:
    """The person's settings, read once per request: a page asks for them in its access
    check (the time zone) and again for what it shows, on the same user object."""
    try:
        return user.portal_settings
    except PersonalSettings.DoesNotExist:
        personal = PersonalSettings.objects.get_or_create(user=user)[0]
        user.portal_settings = personal
        return personal


def _when(moment: datetime) -> str:
    """A deadline in the reader's language and time zone, with the zone named."""
    local = timezone.localtime(moment)
    return f"{date_format(local, 'DATETIME_FORMAT')} ({local.tzname()})"


def _passed(deadline: datetime | None, now: datetime | None) -> bool:
    return deadline is not None and (now or timezone.now()) > deadline


def check_profile_open(event: Event, now: datetime | None = None) -> None:
    deadline = rules_of(event).profile_deadline
    if _passed(deadline, now):
        raise PortalRuleError(
            _("Profiles could be changed until %(deadline)s.") % {"deadline": _when(deadline)}
        )


def check_requests_open(event: Event, now: datetime | None = None) -> None:
    deadline = rules_of(event).request_deadline
    if _passed(deadline, now):
        raise PortalRuleError(
            _("Meeting requests could be sent and answered until %(deadline)s.")
            % {"deadline": _when(deadline)}
        )


@dataclass(frozen=True)
class Registration:
    """Who signs up for which event, as entered on the sign-up form."""

    organization_name: str
    country: str
    kind: str
    attendance: str
    first_name: str
    last_name: str
    email: str
    password: str
    timezone: str
    language: str


@transaction.atomic
def register(event: Event, registration: Registration) -> Delegate:
    """A new organization joins ``event`` with its first delegate's account.

    An organization already taking part, or one with delegates from an earlier edition,
    is refused: its delegates add colleagues themselves, so nobody can attach an
    account to another company by typing its name. A directory entry that takes part in
    other events is not reused either (a stranger would gain its role there): the
    registration gets a new, separate entry, which the organizer sees flagged as a
    possible duplicate (``directory.domain.identity``).
    """
    users = get_user_model()
    if users.objects.filter(
        Q(email__iexact=registration.email) | Q(username__iexact=registration.email)
    ).exists():
        raise PortalRuleError(
            _("An account with this email exists already: log in, or reset its password."),
            "email",
        )
    name, country, kind = registration.organization_name, registration.country, registration.kind
    matches = same_organization(name, country, kind)
    # A directory entry with delegates (from this event or an earlier edition) is theirs:
    # joining it would show a stranger its agendas and requests.
    taken = [
        entry
        for entry in matches
        if entry.delegates.exists()
        or Participation.objects.filter(event=event, organization=entry).exists()
    ]
    if taken:
        raise PortalRuleError(
            _(
                "%(organization)s is registered already: ask one of its delegates to add you "
                "on the team page."
            )
            % {"organization": taken[0].name},
            "organization_name",
        )
    unused = [entry for entry in matches if may_reuse(entry, NOBODY)]
    organization = (
        unused[0]
        if unused
        else Organization.objects.create(name=" ".join(name.split()), country=country, kind=kind)
    )
    position = (
        Participation.objects.filter(event=event).aggregate(Max("position"))["position__max"] or 0
    )
    Participation.objects.create(
        event=event,
        organization=organization,
        code=unique_code(event=event, name=organization.name),
        attendance=registration.attendance,
        position=position + 1,
    )
    user = users.objects.create_user(
        username=registration.email.lower(),
        email=registration.email,
        password=registration.password,
        first_name=registration.first_name,
        last_name=registration.last_name,
    )
    PersonalSettings.objects.create(
        user=user, timezone=registration.timezone, language=registration.language
    )
    return Delegate.objects.create(user=user, organization=organization)


def detected_language(text: str) -> str:
    """The language a text is written in (ISO 639-1), or "" when too short to tell."""
    return str(detect([text])[0]) if text.strip() else ""


@transaction.atomic
def update_profile(
    participation: Participation,
    *,
    description: str,
    sectors: list[str],
    languages: list[str],
    attendance: str,
    now: datetime | None = None,
) -> Participation:
    check_profile_open(participation.event, now)
    participation.description = description
    participation.sectors = sectors
    participation.languages = languages
    participation.attendance = attendance
    participation.save(update_fields=["description", "sectors", "languages", "attendance"])
    return participation


def _opportunity_code(participation: Participation) -> str:
    taken = set(
        Opportunity.objects.filter(event_id=participation.event_id).values_list("code", flat=True)
    )
    number = Opportunity.objects.filter(participation=participation).count() + 1
    while (code := f"{participation.code}-{number}") in taken:
        number += 1
    return code


@transaction.atomic
def save_opportunity(
    participation: Participation,
    opportunity: Opportunity | None,
    *,
    kind: str,
    type: str,
    title: str,
    description: str,
    sectors: list[str],
    now: datetime | None = None,
) -> Opportunity:
    """Add an opportunity (``opportunity`` None) or change one of the organization's own."""
    check_profile_open(participation.event, now)
    if opportunity is None:
        position = (
            Opportunity.objects.filter(event_id=participation.event_id).aggregate(Max("position"))[
                "position__max"
            ]
            or 0
        )
        opportunity = Opportunity(
            event_id=participation.event_id,
            participation=participation,
            code=_opportunity_code(participation),
            position=position + 1,
        )
    elif opportunity.participation_id != participation.pk:
        raise PortalRuleError(_("This opportunity belongs to another organization."))
    opportunity.kind = kind
    opportunity.type = type
    opportunity.title = title
    opportunity.description = description
    opportunity.sectors = sectors
    opportunity.save()
    return opportunity


def delete_opportunity(
    participation: Participation, opportunity: Opportunity, now: datetime | None = None
) -> None:
    check_profile_open(participation.event, now)
    if opportunity.participation_id != participation.pk:
        raise PortalRuleError(_("This opportunity belongs to another organization."))
    opportunity.delete()


def requests_sent(participation: Participation) -> int:
    """Requests that count against the quota: the organizer's tailor-made meetings do not."""
    return MeetingRequest.objects.filter(
        event_id=participation.event_id, requester=participation, mandatory=False
    ).count()


@transaction.atomic
def send_request(
    requester: Participation,
    recipient: Participation,
    *,
    message: str,
    sent_by: AbstractBaseUser,
    site_url: str = "",
    now: datetime | None = None,
) -> MeetingRequest:
    """Ask to meet ``recipient``: within the deadline and quota, once per pair."""
    event = requester.event
    if recipient.event_id != event.pk:
        raise PortalRuleError(_("This organization does not take part in the event."))
    if recipient.pk == requester.pk:
        raise PortalRuleError(_("An organization cannot meet itself."))
    if len(message) > MESSAGE_LENGTH:
        raise PortalRuleError(
            _("The message is limited to %(count)d characters.") % {"count": MESSAGE_LENGTH},
            "message",
        )
    check_requests_open(event, now)
    # Lock the requester's row so that two tabs cannot both take the last request of the quota.
    Participation.objects.select_for_update().filter(pk=requester.pk).first()
    quota = rules_of(event).request_quota
    if quota is not None and requests_sent(requester) >= quota:
        raise PortalRuleError(
            _("Your organization has sent its %(quota)d meeting requests, the most allowed.")
            % {"quota": quota}
        )
    between = MeetingRequest.objects.filter(event=event).filter(
        Q(requester=requester, recipient=recipient) | Q(requester=recipient, recipient=requester)
    )
    existing = between.exclude(status=MeetingRequest.Status.DECLINED).first()
    if existing is not None:
        if existing.requester_id == requester.pk:
            raise PortalRuleError(
                _("You have asked to meet %(name)s already.")
                % {"name": recipient.organization.name}
            )
        raise PortalRuleError(
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
    RequestNote.objects.create(request=meeting_request, message=message.strip(), sent_by=sent_by)
    record(event, "request.sent", meeting_request, f"{requester} → {recipient}")
    notify(
        recipient,
        lambda: (
            _("%(name)s asks to meet you at %(event)s.")
            % {"name": requester.organization.name, "event": event.name}
        ),
        subject=lambda: _("Meeting request from %(name)s") % {"name": requester.organization.name},
        link=reverse("portal:requests", args=[recipient.pk]),
        site_url=site_url,
    )
    return meeting_request


@transaction.atomic
def answer_request(
    recipient: Participation,
    meeting_request: MeetingRequest,
    *,
    accept: bool,
    site_url: str = "",
    now: datetime | None = None,
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
        raise PortalRuleError(_("Only the organization asked can answer this request."))
    meeting_request.status = (
        MeetingRequest.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=meeting_request.pk)
    )
    if meeting_request.status != MeetingRequest.Status.REQUESTED:
        raise PortalRuleError(_("This request has been answered already."))
    check_requests_open(recipient.event, now)
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
    RequestNote.objects.update_or_create(
        request=meeting_request, defaults={"answered_at": now or timezone.now()}
    )
    requester, name, event = meeting_request.requester, recipient.organization.name, recipient.event
    notify(
        requester,
        (lambda: _("%(name)s accepted your meeting request.") % {"name": name})
        if accept
        else (lambda: _("%(name)s declined your meeting request.") % {"name": name}),
        subject=lambda: _("Your meeting request at %(event)s") % {"event": event.name},
        link=reverse("portal:requests", args=[requester.pk]),
        site_url=site_url,
    )
    return meeting_request


def new_calendar_token(user: AbstractBaseUser) -> str:
    """Replace the person's calendar subscription token; the old link stops working."""
    personal = settings_of(user)
    personal.calendar_token = new_token()
    personal.save(update_fields=["calendar_token"])
    return personal.calendar_token
