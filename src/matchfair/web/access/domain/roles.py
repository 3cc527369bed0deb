"""Granting and withdrawing the organizer and viewer roles of one event, by e-mail address.

An address without an account gets one without a password and the invitation link
participants get (``accounts.welcome.welcome_path``), so nobody's password passes
through an organizer. Co-organizers need an organizer's account: an existing staff
account, or a new one made here; a participant's delegate account never organizes,
so the roles of ``events.rules`` stay distinct. Every grant and withdrawal is audited.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from matchfair.web import stored_text
from matchfair.web.access.models import EventViewer
from matchfair.web.accounts.welcome import welcome_path
from matchfair.web.audit.services import record
from matchfair.web.events.models import Event
from matchfair.web.events.rules import may_assign_first_organizer, own_participation
from matchfair.web.outbox.domain.checks import one_line_values
from matchfair.web.outbox.domain.queueing import Draft, queue_mail
from matchfair.web.outbox.models import Mail


class GrantedRole(StrEnum):
    ORGANIZER = "organizer"
    VIEWER = "viewer"


class RoleError(ValueError):
    """A grant or withdrawal the rules refuse; the message says why."""


@dataclass(frozen=True)
class Grant:
    user: AbstractBaseUser
    invited: bool


def role_label(role: GrantedRole) -> str:
    """The role's name as the pages and the invitation call it."""
    return _("co-organizer") if role == GrantedRole.ORGANIZER else _("viewer")


def account_for(email: str, name: str, *, staff: bool = False) -> tuple[AbstractBaseUser, bool]:
    """The account of this address, or a new one without a password (and True).

    Shared by every role granted by address (``eventday``'s check-in staff too).
    """
    users = get_user_model()
    user = users.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).first()
    if user is not None:
        return user, False
    first, _space, last = name.strip().partition(" ")
    user = users.objects.create_user(
        username=email.lower(), email=email, first_name=first, last_name=last, is_staff=staff
    )
    user.set_unusable_password()
    user.save()
    return user, True


def display_name(user: AbstractBaseUser) -> str:
    """How invitations and the audit trail name a person: full name, else address."""
    return user.get_full_name() or user.email or user.get_username()


def _invite(
    event: Event, user: AbstractBaseUser, role: GrantedRole, *, address: str, site_url: str
) -> None:
    """The one-time password link; a viewer also learns where to read the event (the API).

    Queued in the outbox in the language of the page that grants the role: the new
    account has chosen none yet.
    """
    site = site_url.rstrip("/")
    role_name = (
        stored_text.gettext("co-organizer")
        if role == GrantedRole.ORGANIZER
        else stored_text.gettext("viewer")
    )
    body = [
        stored_text.gettext(
            "Dear %(name)s,\n\nyou are invited to %(event)s as %(role)s. Choose your "
            "password here:\n\n%(link)s\n",
            name=display_name(user),
            event=event.name,
            role=role_name,
            link=site + welcome_path(user),
        )
    ]
    if role == GrantedRole.VIEWER:
        body.append(
            stored_text.gettext(
                "Once logged in, you read the event's catalog, published schedule and figures "
                "through the API, described at %(docs)s.\n",
                docs=site + reverse("api:openapi-view"),
            )
        )
    queue_mail(
        Draft(
            address=address,
            name=display_name(user),
            language=translation.get_language() or settings.LANGUAGE_CODE,
            kind=Mail.Kind.ROLE,
            subject=one_line_values(
                stored_text.gettext("Your access to %(event)s", event=event.name)
            ),
            body=body,
            site_url=site,
            event=event,
            user=user,
        )
    )


def _check_grant(event: Event, user: AbstractBaseUser, role: GrantedRole, *, new: bool) -> None:
    if event.organizers.filter(pk=user.pk).exists():
        raise RoleError(_("%(email)s organizes this event already.") % {"email": user.email})
    if getattr(user, "delegate", None) is not None:
        participation = own_participation(user, event)
        if role == GrantedRole.ORGANIZER or participation is not None:
            raise RoleError(
                _(
                    "%(email)s is a participant's delegate account (%(organization)s): it "
                    "cannot organize, and sees the event as a participant."
                )
                % {"email": user.email, "organization": user.delegate.organization.name}
            )
    if role == GrantedRole.ORGANIZER and not new and not (user.is_staff or user.is_superuser):
        raise RoleError(
            _(
                "%(email)s is not an organizer's account; an administrator can make it one, "
                "or give it the viewer role."
            )
            % {"email": user.email}
        )
    if role == GrantedRole.VIEWER and EventViewer.objects.filter(event=event, user=user).exists():
        raise RoleError(_("%(email)s is a viewer of this event already.") % {"email": user.email})


@transaction.atomic
def grant_role(
    *, event: Event, email: str, role: GrantedRole, name: str = "", site_url: str
) -> Grant:
    """Give the account of ``email`` the role, creating and inviting it when there is none.

    A person invited earlier who has not chosen a password yet gets the link again.
    A viewer made co-organizer stops being listed as a viewer.
    """
    email = email.strip()
    user, new = account_for(email, name, staff=role == GrantedRole.ORGANIZER)
    _check_grant(event, user, role, new=new)
    if role == GrantedRole.ORGANIZER:
        event.organizers.add(user)
        EventViewer.objects.filter(event=event, user=user).delete()
    else:
        EventViewer.objects.create(event=event, user=user)
    invited = not user.has_usable_password()
    if invited:
        _invite(event, user, role, address=user.email or email, site_url=site_url)
    record(event, f"role.{role}.granted", user, f"{display_name(user)} <{user.email}>")
    return Grant(user=user, invited=invited)


@transaction.atomic
def withdraw_role(
    *, event: Event, user: AbstractBaseUser, role: GrantedRole, by: AbstractBaseUser
) -> None:
    """Take the role back; the last organizer stays, and nobody withdraws their own role."""
    if role == GrantedRole.ORGANIZER:
        if user.pk == by.pk:
            raise RoleError(_("You cannot withdraw your own role; ask another organizer."))
        # Two organizers withdrawing each other at once: the second waits and sees the first.
        list(Event.objects.select_for_update().filter(pk=event.pk).values_list("pk", flat=True))
        if list(event.organizers.values_list("pk", flat=True)) == [user.pk]:
            raise RoleError(_("An event keeps at least one organizer."))
        event.organizers.remove(user)
    else:
        EventViewer.objects.filter(event=event, user=user).delete()
    record(event, f"role.{role}.withdrawn", user, f"{display_name(user)} <{user.email}>")


@transaction.atomic
def assign_first_organizer(
    *, event: Event, username: str, by: AbstractBaseUser
) -> AbstractBaseUser:
    """Give an event nobody organizes (a ``matchfair import``) its first organizer.

    Only a staff user may, and only while the event has none: from then on its
    organizers manage its people. The organizer is an existing organizer's account,
    named by user name or e-mail address; the assignment is audited.
    """
    # Two staff users assigning at once: the second waits and finds the first's organizer.
    list(Event.objects.select_for_update().filter(pk=event.pk).values_list("pk", flat=True))
    if not may_assign_first_organizer(by, event):
        raise RoleError(_("This event has an organizer already; ask them for a role."))
    users = get_user_model().objects.filter(
        Q(username=username.strip()) | Q(email__iexact=username.strip())
    )
    found = list(users[:2])
    if len(found) != 1:
        raise RoleError(
            _("There is no account %(user)s.") % {"user": username}
            if not found
            else _("%(user)s names several accounts; give the user name.") % {"user": username}
        )
    user = found[0]
    if not (user.is_staff or user.is_superuser) or getattr(user, "delegate", None) is not None:
        raise RoleError(
            _("%(user)s is not an organizer's account; an administrator can make it one.")
            % {"user": user.get_username()}
        )
    event.organizers.add(user)
    record(
        event,
        "role.organizer.assigned",
        user,
        _("%(user)s assigned as the first organizer by %(by)s")
        % {"user": display_name(user), "by": display_name(by)},
    )
    return user
