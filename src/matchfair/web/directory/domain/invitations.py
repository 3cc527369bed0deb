"""Inviting participants: the directory entry, the participation and the delegate's account.

An invited delegate gets an account without a password and a one-time link to set
one, so the organizer never handles anybody's password. Who may reuse a directory
entry (``directory.domain.identity``): an organizer invites into an existing entry only when
they organize every event it takes part in; otherwise the invitation makes a new,
separate entry, so that nobody gains a role in an event its organizer did not give.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from matchfair.web import stored_text
from matchfair.web.accounts.welcome import welcome_path
from matchfair.web.directory.domain.identity import (
    Lookalike,
    Standing,
    may_reuse,
    possible_duplicates,
    same_organization,
    standing_of,
)
from matchfair.web.directory.models import Delegate, Organization, Participation
from matchfair.web.events.models import Event
from matchfair.web.outbox.domain.checks import MailRefusedError, one_line_values
from matchfair.web.outbox.domain.queueing import Draft, queue_mail
from matchfair.web.outbox.models import Mail


class InvitationError(ValueError):
    """An invitation that cannot be made; ``field`` is the form field at fault."""

    def __init__(self, message: str, field: str = "email") -> None:
        self.field = field
        super().__init__(message)


@dataclass(frozen=True)
class Invitation:
    participation: Participation
    delegate: Delegate
    welcome_path: str
    lookalikes: list[Lookalike]


def unique_code(*, event: Event, name: str) -> str:
    """An id for the event file, from the name, unique in the event (``nokia``, ``nokia-2``)."""
    base = slugify(name, allow_unicode=True)[:180] or "organization"
    taken = set(
        Participation.objects.filter(event=event, code__startswith=base).values_list(
            "code", flat=True
        )
    )
    code, number = base, 2
    while code in taken:
        code, number = f"{base}-{number}", number + 1
    return code


def _entry(
    event: Event, name: str, country: str, kind: str, standing: Standing
) -> tuple[Organization, Participation | None]:
    """The directory entry an organizer's invitation goes to, and its participation if any.

    The organization's entry in this event when there is one (``_own_entry``); else an
    entry of the directory the organizer answers for; else a new entry.
    """
    matches = same_organization(name, country, kind)
    present = (
        Participation.objects.filter(event=event, organization__in=matches)
        .select_related("organization")
        .first()
    )
    if present is not None:
        return _own_entry(present, standing, field="organization_name"), present
    for organization in matches:
        if may_reuse(organization, standing):
            return organization, None
    return Organization.objects.create(
        name=" ".join(name.split()), country=country, kind=kind
    ), None


def _own_entry(participation: Participation, standing: Standing, *, field: str) -> Organization:
    """The entry a person invited to ``participation`` joins, on the organizer's standing.

    Its own entry when the organizer answers for every event it takes part in. An entry
    shared with events of other organizers is refused when it has delegates (they add
    their colleagues); one nobody has an account of yet is split: this event's
    participation moves to a new, separate entry, so that the person sees this event
    only, and the organizer's list flags the two as possible duplicates.
    """
    organization = participation.organization
    if may_reuse(organization, standing):
        return organization
    if organization.delegates.exists():
        raise InvitationError(
            _(
                "%(organization)s also takes part in events you do not organize: its "
                "delegates add colleagues on their Team page."
            )
            % {"organization": organization.name},
            field,
        )
    separate = Organization.objects.create(
        name=organization.name, country=organization.country, kind=organization.kind
    )
    participation.organization = separate
    participation.save(update_fields=["organization"])
    return separate


def _enrol(
    event: Event, organization: Organization, *, contact_name: str, email: str, site_url: str
) -> tuple[Delegate, str]:
    """The person's account and delegate link to ``organization``, and the welcome mail."""
    users = get_user_model()
    user = users.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).first()
    if user is None:
        first, _space, last = contact_name.strip().partition(" ")
        user = users.objects.create_user(
            username=email.lower(), email=email, first_name=first, last_name=last
        )
        user.set_unusable_password()
        user.save()
    delegate = Delegate.objects.filter(user=user).first()
    if delegate is None:
        delegate = Delegate.objects.create(user=user, organization=organization)
    elif delegate.organization_id != organization.pk:
        raise InvitationError(
            _("%(email)s is a delegate of %(organization)s already.")
            % {"email": email, "organization": delegate.organization.name}
        )
    path = welcome_path(user)
    try:
        _queue_welcome(
            event,
            organization,
            user,
            contact_name=contact_name,
            email=email,
            link=site_url.rstrip("/") + path,
            site_url=site_url,
        )
    except MailRefusedError as error:
        raise InvitationError(
            str(error), "contact_name" if error.field == "name" else "email"
        ) from None
    return delegate, path


def _queue_welcome(
    event: Event,
    organization: Organization,
    user: AbstractBaseUser,
    *,
    contact_name: str,
    email: str,
    link: str,
    site_url: str,
) -> None:
    """The welcome mail with the one-time link, into the outbox."""
    queue_mail(
        Draft(
            # The account's own address: a link to choose its password goes nowhere else.
            address=user.email or email,
            name=contact_name,
            # The organizer's page language: the new account has chosen none yet.
            language=translation.get_language() or settings.LANGUAGE_CODE,
            kind=Mail.Kind.INVITATION,
            subject=one_line_values(
                stored_text.gettext("Your invitation to %(event)s", event=event.name)
            ),
            body=stored_text.gettext(
                "Dear %(name)s,\n\n%(organization)s is invited to %(event)s. Choose your "
                "password here to see your meetings and agenda:\n\n%(link)s\n\nYour user "
                "name is %(username)s: sign in with it and the password you choose.\n",
                username=user.get_username(),
                name=contact_name,
                organization=organization.name,
                event=event.name,
                link=link,
            ),
            site_url=site_url,
            event=event,
            user=user,
        )
    )


def resend_welcome(*, event: Event, delegate: Delegate, site_url: str) -> None:
    """Queue the welcome mail again with a fresh one-time link (bulk invitations of contacts).

    For a delegate invited earlier (an imported contact) who has not chosen a password:
    the same mail as the first invitation, so the contact reads one kind of invitation.
    """
    user = delegate.user
    _queue_welcome(
        event,
        delegate.organization,
        user,
        contact_name=user.get_full_name() or user.get_username(),
        email=user.email,
        link=(site_url or settings.MATCHFAIR_SITE_URL).rstrip("/") + welcome_path(user),
        site_url=site_url,
    )


@transaction.atomic
def invite_participant(
    *,
    event: Event,
    by: Standing,
    organization_name: str,
    country: str,
    kind: str,
    attendance: str,
    contact_name: str,
    email: str,
    site_url: str,
) -> Invitation:
    """Add the organization to the event and send its contact a link to set a password."""
    organization, participation = _entry(event, organization_name, country, kind, by)
    if participation is None:
        participation = Participation.objects.create(
            event=event,
            organization=organization,
            code=unique_code(event=event, name=organization.name),
            attendance=attendance,
            position=Participation.objects.filter(event=event).count(),
        )
    delegate, path = _enrol(
        event, organization, contact_name=contact_name, email=email, site_url=site_url
    )
    return Invitation(
        participation=participation,
        delegate=delegate,
        welcome_path=path,
        lookalikes=possible_duplicates([organization]).get(organization.pk, []),
    )


@transaction.atomic
def add_colleague(
    *,
    participation: Participation,
    by: AbstractBaseUser,
    contact_name: str,
    email: str,
    site_url: str,
) -> Delegate:
    """A delegate adds a colleague to their organization (the Team page).

    A colleague sees every event the organization takes part in, so besides its own
    delegates only an organizer of all of those events may add one (``_own_entry``).
    """
    organization = participation.organization
    delegate = getattr(by, "delegate", None)
    if delegate is None or delegate.organization_id != organization.pk:
        organization = _own_entry(participation, standing_of(by), field="email")
    return _enrol(
        participation.event,
        organization,
        contact_name=contact_name,
        email=email,
        site_url=site_url,
    )[0]


@transaction.atomic
def invite_contact(
    *,
    participation: Participation,
    by: Standing,
    contact_name: str,
    email: str,
    site_url: str,
) -> Delegate:
    """Give an organization already in the event its contact person: account and welcome link.

    The spreadsheet import's contact columns and the requests page's "invite a contact"
    both come here, so a contact is invited exactly as the invite page does it: the
    address's existing account is reused (never a second one), and an entry the
    organizer does not answer for is split or refused as ``_own_entry`` says.
    """
    organization = _own_entry(participation, by, field="email")
    return _enrol(
        participation.event,
        organization,
        contact_name=contact_name,
        email=email,
        site_url=site_url,
    )[0]
