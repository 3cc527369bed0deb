"""A participant's own writes: joining an event, then its profile and opportunities.

Each checks the event's portal rules (``portal_rules``) here, once, for every page and
test that uses it; a refusal is a ``PortalRuleError``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from matchfair.web.directory.domain.identity import NOBODY, may_reuse, same_organization
from matchfair.web.directory.domain.invitations import unique_code
from matchfair.web.directory.models import Delegate, Opportunity, Organization, Participation
from matchfair.web.directory.validation import (
    validate_languages,
    validate_opportunity_nace,
    validate_opportunity_sectors,
    validate_opportunity_title,
    validate_organization_nace,
    validate_organization_sectors,
)
from matchfair.web.events.models import Event
from matchfair.web.notify.domain.portal_rules import PortalRuleError, check_profile_open
from matchfair.web.notify.models import PersonalSettings


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
def register(*, event: Event, registration: Registration) -> Delegate:
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
        user=user,
        timezone=registration.timezone,
        language=registration.language,
        language_known=True,
    )
    return Delegate.objects.create(user=user, organization=organization)


# What an organization's profile carries from one edition to the next; its group (a
# side of that bilateral event), availability (that event's days) and id do not.
CARRIED_OVER = ("languages", "sectors", "nace", "description", "attendance", "delegates")


@transaction.atomic
def take_part_again(*, event: Event, delegate: Delegate) -> Participation:
    """A delegate's organization joins ``event`` with the profile of its latest edition.

    The way in for people of an earlier edition: the sign-up form refuses their account
    and their organization (both exist already), so the invitation link offers them,
    once logged in, to take part as their organization. Organizations already in the
    event are refused, so the link can never make a second participation.
    """
    organization = delegate.organization
    if Participation.objects.filter(event=event, organization=organization).exists():
        raise PortalRuleError(
            _("%(organization)s takes part in %(event)s already.")
            % {"organization": organization.name, "event": event.name}
        )
    latest = (
        Participation.objects.filter(organization=organization)
        .order_by("-event__created_at", "-pk")
        .first()
    )
    position = (
        Participation.objects.filter(event=event).aggregate(Max("position"))["position__max"] or 0
    )
    carried = {field: getattr(latest, field) for field in CARRIED_OVER} if latest else {}
    return Participation.objects.create(
        event=event,
        organization=organization,
        code=unique_code(event=event, name=organization.name),
        position=position + 1,
        **carried,
    )


def _checked(field: str, value: object, validate: Callable[[object], Any]) -> Any:
    """``value`` as the event file's rule for ``field`` takes it, or a refusal on ``field``."""
    try:
        return validate(value)
    except ValidationError as error:
        raise PortalRuleError("; ".join(error.messages), field=field) from None


@transaction.atomic
def update_profile(
    *,
    participation: Participation,
    description: str,
    sectors: list[str],
    languages: list[str],
    attendance: str,
    nace: list[str] | None = None,
    now: datetime | None = None,
) -> Participation:
    """Change the organization's profile in this event, before the profile deadline.

    The values are checked with the event file's rules here too, not only by the form:
    a value the core refuses would stop every export and run of the event.
    """
    check_profile_open(participation.event, now)
    participation.description = description
    if nace is not None:
        participation.nace = _checked("nace", nace, validate_organization_nace)
    participation.sectors = _checked("sectors", sectors, validate_organization_sectors)
    participation.languages = _checked("languages", languages, validate_languages)
    participation.attendance = attendance
    participation.save(update_fields=["description", "nace", "sectors", "languages", "attendance"])
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
    *,
    participation: Participation,
    opportunity: Opportunity | None,
    kind: str,
    type: str,
    title: str,
    description: str,
    sectors: list[str],
    nace: list[str] | None = None,
    now: datetime | None = None,
    by_organizer: bool = False,
) -> Opportunity:
    """Add an opportunity (``opportunity`` None) or change one of the organization's own.

    ``by_organizer``: the event's organizer writes it (the API), who is not held to the
    participants' profile deadline; the values are checked the same way.
    """
    if not by_organizer:
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
    opportunity.title = _checked("title", title, validate_opportunity_title)
    opportunity.description = description
    if nace is not None:
        opportunity.nace = _checked("nace", nace, validate_opportunity_nace)
    opportunity.sectors = _checked("sectors", sectors, validate_opportunity_sectors)
    opportunity.save()
    return opportunity


def delete_opportunity(
    *,
    participation: Participation,
    opportunity: Opportunity,
    now: datetime | None = None,
    by_organizer: bool = False,
) -> None:
    """Delete one of the organization's own opportunities, before the profile deadline
    (which does not hold the organizer: ``by_organizer``)."""
    if not by_organizer:
        check_profile_open(participation.event, now)
    if opportunity.participation_id != participation.pk:
        raise PortalRuleError(_("This opportunity belongs to another organization."))
    opportunity.delete()
