"""Granting and withdrawing the check-in staff role of one event, by e-mail address.

Volunteers at the door often have no account: an address without one gets an
account without a password and the one-time link to choose it
(``accounts.welcome.welcome_path``), with the address of the desk, so nobody's
password passes through the organizer. Every grant and withdrawal is audited.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from matchfair.core.one_line import as_one_line
from matchfair.web import stored_text
from matchfair.web.accounts.welcome import welcome_path
from matchfair.web.audit.services import record
from matchfair.web.eventday.domain.check_in import CheckInError
from matchfair.web.eventday.models import CheckInStaff
from matchfair.web.events.models import Event
from matchfair.web.events.rules import is_organizer


@dataclass(frozen=True)
class StaffGrant:
    user: AbstractBaseUser
    invited: bool


def _display(user: AbstractBaseUser) -> str:
    return user.get_full_name() or user.email or user.get_username()


def _account(email: str, name: str) -> tuple[AbstractBaseUser, bool]:
    """The account of this address, or a new one without a password (and True)."""
    users = get_user_model()
    user = users.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).first()
    if user is not None:
        return user, False
    first, _space, last = name.strip().partition(" ")
    user = users.objects.create_user(
        username=email.lower(), email=email, first_name=first, last_name=last
    )
    user.set_unusable_password()
    user.save()
    return user, True


def _invite(event: Event, user: AbstractBaseUser, *, address: str, site_url: str) -> None:
    site = site_url.rstrip("/")
    message = _(
        "Dear %(name)s,\n\nyou are invited to check badges in at the entrance of %(event)s. "
        "Choose your password here:\n\n%(link)s\n\nThe check-in desk, on your phone:\n%(desk)s\n"
    ) % {
        "name": _display(user),
        "event": event.name,
        "link": site + welcome_path(user),
        "desk": site + reverse("orga:check_in_desk", args=[event.pk]),
    }
    send_mail(
        subject=as_one_line(_("Check-in at %(event)s") % {"event": event.name}),
        message=message,
        from_email=None,
        recipient_list=[address],
    )


def grant_check_in_staff(*, event: Event, email: str, name: str = "", site_url: str) -> StaffGrant:
    """Let the account of ``email`` check badges in at this event, inviting a new address."""
    with transaction.atomic():
        user, new = _account(email.strip(), name)
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
            stored_text.gettext("%(person)s may check badges in", person=_display(user)),
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
            stored_text.gettext("%(person)s no longer checks badges in", person=_display(user)),
        )
        staff.delete()
