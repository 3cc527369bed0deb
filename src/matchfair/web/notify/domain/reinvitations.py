"""Invitations in bulk: imported contacts who never chose a password, an earlier edition's people.

Both are campaigns the organizer starts with one button: every mail is queued in one
transaction and a ``Campaign`` row keeps how many left and when. Contacts get the
participant invitation again (a fresh one-time link to choose a password); the people
of an earlier edition of the series whose organization is not in this event yet get
the event's registration link (the portal rules' invitation link).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.directory.domain.invitations import resend_welcome
from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.events.models import Event
from matchfair.web.notify.domain.notifications import language_of
from matchfair.web.notify.domain.portal_rules import PortalRuleError, rules_of
from matchfair.web.notify.models import Campaign
from matchfair.web.outbox.domain.checks import MailRefusedError, one_line_values
from matchfair.web.outbox.domain.queueing import Draft, queue_mails
from matchfair.web.outbox.models import Mail


def uninvited_contacts(event: Event) -> list[Delegate]:
    """Delegates of the event's organizations with an address and no password chosen yet."""
    return list(
        Delegate.objects.filter(
            organization__participations__event=event,
            user__is_active=True,
            user__password__startswith="!",
        )
        .exclude(user__email="")
        .select_related("user", "organization")
        .order_by("user__email")
    )


def earlier_edition_people(event: Event) -> list[AbstractBaseUser]:
    """Active people of organizations in another edition of the series, not in this event."""
    if event.series_id is None:
        return []
    here = Participation.objects.filter(event=event).values("organization_id")
    earlier = (
        Participation.objects.filter(event__series_id=event.series_id)
        .exclude(event=event)
        .exclude(organization_id__in=here)
        .values("organization_id")
    )
    return list(
        get_user_model()
        .objects.filter(is_active=True, delegate__organization_id__in=earlier)
        .exclude(email="")
        .order_by("email")
    )


def _keep(event: Event, by: AbstractBaseUser, kind: str, count: int) -> Campaign:
    campaign = Campaign.objects.create(event=event, kind=kind, recipients=count, sent_by=by)
    record(
        event,
        "campaign.sent",
        campaign,
        stored_text.ngettext(
            "Invitations sent to %(count)d person", "Invitations sent to %(count)d people", count
        ),
    )
    return campaign


@transaction.atomic
def invite_contacts(*, event: Event, by: AbstractBaseUser, site_url: str) -> Campaign:
    """Send every contact who has not chosen a password a new invitation."""
    contacts = uninvited_contacts(event)
    try:
        for delegate in contacts:
            resend_welcome(event=event, delegate=delegate, site_url=site_url)
    except MailRefusedError as error:
        raise PortalRuleError(str(error), error.field) from None
    return _keep(event, by, Campaign.Kind.INVITATIONS, len(contacts))


@transaction.atomic
def invite_earlier_edition(*, event: Event, by: AbstractBaseUser, site_url: str) -> Campaign:
    """Invite the people of earlier editions' organizations to register for this one."""
    if event.series_id is None:
        raise PortalRuleError(
            _("This event belongs to no series: set one in its settings."),
            "series",
        )
    link = reverse("portal:join", args=[rules_of(event).invitation_token])
    subject = one_line_values(stored_text.gettext("Join us at %(event)s", event=event.name))
    drafts = [
        Draft(
            address=user.email,
            name=user.get_full_name(),
            language=language_of(user),
            kind=Mail.Kind.INVITATION,
            subject=subject,
            body=stored_text.gettext(
                "Your organization took part in an earlier edition of %(series)s. "
                "%(event)s is open for registration: log in with your account and open the "
                "link below to take part with your organization's profile.",
                series=event.series.name,
                event=event.name,
            ),
            link=link,
            site_url=site_url,
            event=event,
            user=user,
        )
        for user in earlier_edition_people(event)
    ]
    try:
        queued = queue_mails(drafts)
    except MailRefusedError as error:
        raise PortalRuleError(str(error), error.field) from None
    return _keep(event, by, Campaign.Kind.PREVIOUS_EDITION, len(queued))
