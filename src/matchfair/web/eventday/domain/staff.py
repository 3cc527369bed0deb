"""Granting and withdrawing the check-in staff role of one event, by e-mail address.

Volunteers at the door often have no account: an address without one gets an
account without a password and the one-time link to choose it
(``accounts.welcome.welcome_path``), with the address of the desk, so nobody's
password passes through the organizer. Every grant and withdrawal is audited.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from matchfair.web import stored_text
from matchfair.web.access.domain.roles import account_for, display_name
from matchfair.web.accounts.welcome import welcome_path
from matchfair.web.audit.services import record
from matchfair.web.eventday.domain.check_in import CheckInError
from matchfair.web.eventday.models import CheckInStaff
from matchfair.web.events.models import Event
from matchfair.web.events.rules import is_organizer
from matchfair.web.outbox.domain.checks import one_line_values
from matchfair.web.outbox.domain.queueing import Draft, queue_mail
from matchfair.web.outbox.models import Mail


@dataclass(frozen=True)
class StaffGrant:
    user: AbstractBaseUser
    invited: bool


def _invite(event: Event, user: AbstractBaseUser, *, address: str, site_url: str) -> None:
    """The one-time password link and the desk's address, queued in the outbox.

    In the language of the page that grants the role: the new account has chosen none yet.
    """
    site = site_url.rstrip("/")
    queue_mail(
        Draft(
            address=address,
            name=display_name(user),
            language=translation.get_language() or settings.LANGUAGE_CODE,
            kind=Mail.Kind.ROLE,
            subject=one_line_values(stored_text.gettext("Check-in at %(event)s", event=event.name)),
            body=[
                stored_text.gettext(
                    "Dear %(name)s,\n\nyou are invited to check badges in at the entrance of "
                    "%(event)s. Choose your password here:\n\n%(link)s\n\nThe check-in desk, "
                    "on your phone:\n%(desk)s\n",
                    name=display_name(user),
                    event=event.name,
                    link=site + welcome_path(user),
                    desk=site + reverse("orga:check_in_desk", args=[event.pk]),
                )
            ],
            site_url=site,
            event=event,
            user=user,
        )
    )


def grant_check_in_staff(*, event: Event, email: str, name: str = "", site_url: str) -> StaffGrant:
    """Let the account of ``email`` check badges in at this event, inviting a new address."""
    with transaction.atomic():
        user, new = account_for(email.strip(), name)
        if is_organizer(user, event):
            raise CheckInError(
                _("%(email)s organizes this event and checks badges in already.")
                % {"email": user.email or user.get_username()},
                field="email",
            )
        try:
            with transaction.atomic():
                staff = CheckInStaff.objects.create(event=event, user=user)
        except IntegrityError:
            raise CheckInError(
                _("%(email)s is check-in staff of this event already.")
                % {"email": user.email or user.get_username()},
                field="email",
            ) from None
        record(
            event,
            "role.check-in.granted",
            staff,
            stored_text.gettext("%(person)s may check badges in", person=display_name(user)),
        )
        if new:
            _invite(event, user, address=email.strip(), site_url=site_url)
    return StaffGrant(user, new)


def withdraw_check_in_staff(*, event: Event, user: AbstractBaseUser) -> None:
    """Take the role back; the person's earlier check-ins stay as they were."""
    with transaction.atomic():
        staff = CheckInStaff.objects.filter(event=event, user=user).first()
        if staff is None:
            raise CheckInError(_("This person is not check-in staff of this event."))
        record(
            event,
            "role.check-in.withdrawn",
            staff,
            stored_text.gettext("%(person)s no longer checks badges in", person=display_name(user)),
        )
        staff.delete()
