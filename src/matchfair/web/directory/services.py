"""Inviting participants: the directory entry, the participation and the delegate's account.

An invited delegate gets an account without a password and a one-time link to set
one, so the organizer never handles anybody's password.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from matchfair.core.one_line import as_one_line
from matchfair.web.directory.models import Delegate, Organization, Participation
from matchfair.web.events.models import Event
from matchfair.web.exchange.to_database import directory_key


class InvitationError(ValueError):
    """An invitation that cannot be made (the email belongs to another organization...)."""


@dataclass(frozen=True)
class Invitation:
    participation: Participation
    delegate: Delegate
    welcome_path: str


def unique_code(event: Event, name: str) -> str:
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


def welcome_path(user: AbstractBaseUser) -> str:
    """The one-time link where a new delegate chooses a password."""
    return reverse(
        "welcome",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


def _directory_entry(name: str, country: str, kind: str) -> Organization:
    key = directory_key(name, country, kind)
    for organization in Organization.objects.filter(name__iexact=name.strip()):
        if directory_key(organization.name, organization.country, organization.kind) == key:
            return organization
    return Organization.objects.create(name=name.strip(), country=country, kind=kind)


@transaction.atomic
def invite_participant(
    event: Event,
    *,
    organization_name: str,
    country: str,
    kind: str,
    attendance: str,
    contact_name: str,
    email: str,
    site_url: str,
) -> Invitation:
    """Add the organization to the event and send its contact a link to set a password."""
    organization = _directory_entry(organization_name, country, kind)
    participation = Participation.objects.filter(event=event, organization=organization).first()
    if participation is None:
        participation = Participation.objects.create(
            event=event,
            organization=organization,
            code=unique_code(event, organization.name),
            attendance=attendance,
            position=Participation.objects.filter(event=event).count(),
        )
    users = get_user_model()
    user = users.objects.filter(email__iexact=email).first()
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
    send_mail(
        subject=as_one_line(_("Your invitation to %(event)s") % {"event": event.name}),
        message=_(
            "Dear %(name)s,\n\n%(organization)s is invited to %(event)s. Choose your password "
            "here to see your meetings and agenda:\n\n%(link)s\n"
        )
        % {
            "name": contact_name,
            "organization": organization.name,
            "event": event.name,
            "link": site_url.rstrip("/") + path,
        },
        from_email=None,
        recipient_list=[email],
    )
    return Invitation(participation=participation, delegate=delegate, welcome_path=path)


def search_participations(event: Event, query: str) -> QuerySet[Participation]:
    """Participations whose name, description or opportunities contain the words of ``query``."""
    participations = Participation.objects.filter(event=event).select_related("organization")
    for word in query.split():
        participations = participations.filter(
            Q(organization__name__icontains=word)
            | Q(description__icontains=word)
            | Q(opportunities__title__icontains=word)
            | Q(opportunities__description__icontains=word)
        )
    return participations.distinct()
