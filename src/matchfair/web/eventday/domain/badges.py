"""Badges: one per delegate account of each organization taking part, plus names the organizer adds.

Badges are made when someone needs them (the organizer opens the badges page or
prints, a delegate opens their agenda) rather than whenever an account is created,
so that accounts made by any way in (sign-up, import, invitations, the admin) get one
without each of them knowing about badges. Refreshing is idempotent: the unique
constraint on (participation, delegate) makes a second run, or two at once, add
nothing twice.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.eventday.domain.check_in import CheckInError
from matchfair.web.eventday.models import Badge
from matchfair.web.events.models import Event

NAME_LENGTH = Badge._meta.get_field("name").max_length


def delegate_name(delegate: Delegate) -> str:
    """The name printed for a delegate: the account's full name, else its user name."""
    return delegate.user.get_full_name() or delegate.user.get_username()


def refresh_badges(*, event: Event) -> int:
    """Give every delegate of the event's organizations a badge and update changed names.

    Returns how many badges were added. Names follow the account, so a delegate who
    corrects their name before the day prints with the corrected one.
    """
    participation_of = dict(
        Participation.objects.filter(event=event).values_list("organization_id", "pk")
    )
    existing = {
        badge.delegate_id: badge
        for badge in Badge.objects.filter(event=event, delegate__isnull=False).only(
            "pk", "delegate_id", "name"
        )
    }
    added: list[Badge] = []
    renamed: list[Badge] = []
    for delegate in Delegate.objects.filter(organization_id__in=participation_of).select_related(
        "user"
    ):
        name = delegate_name(delegate)[:NAME_LENGTH]
        badge = existing.get(delegate.pk)
        if badge is None:
            added.append(
                Badge(
                    event=event,
                    participation_id=participation_of[delegate.organization_id],
                    delegate=delegate,
                    name=name,
                )
            )
        elif badge.name != name:
            badge.name = name
            renamed.append(badge)
    with transaction.atomic():
        Badge.objects.bulk_create(added, ignore_conflicts=True)
        Badge.objects.bulk_update(renamed, ["name"])
    return len(added)


def personal_badge(*, participation: Participation, user: AbstractBaseUser) -> Badge | None:
    """The user's own badge in this event, made on first need; None for a non-delegate."""
    delegate = getattr(user, "delegate", None)
    if delegate is None or delegate.organization_id != participation.organization_id:
        return None
    found = Badge.objects.filter(participation=participation, delegate=delegate).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return Badge.objects.create(
                event_id=participation.event_id,
                participation=participation,
                delegate=delegate,
                name=delegate_name(delegate)[:NAME_LENGTH],
            )
    except IntegrityError:
        # Another request made it between the read and the insert.
        return Badge.objects.get(participation=participation, delegate=delegate)


def add_named_badge(*, event: Event, participation: Participation, name: str) -> Badge:
    """A badge for someone without an account (a driver, an interpreter of the delegation)."""
    name = " ".join(name.split())
    if participation.event_id != event.pk:
        raise CheckInError(_("This organization does not take part in this event."))
    if not name:
        raise CheckInError(_("Enter the name to print on the badge."), field="name")
    if len(name) > NAME_LENGTH:
        raise CheckInError(
            _("The name is longer than %(limit)d characters.") % {"limit": NAME_LENGTH},
            field="name",
        )
    with transaction.atomic():
        badge = Badge.objects.create(event=event, participation=participation, name=name)
        record(
            event,
            "badge.added",
            badge,
            stored_text.gettext(
                "Badge added for %(name)s (%(organization)s)",
                name=name,
                organization=participation.organization.name,
            ),
        )
    return badge


def remove_named_badge(*, event: Event, badge: Badge) -> None:
    """Take back a name the organizer added (a typo, someone who does not come)."""
    if badge.event_id != event.pk or badge.delegate_id is not None:
        raise CheckInError(
            _("Only badges added by name can be removed; a delegate's follows their account.")
        )
    with transaction.atomic():
        record(
            event,
            "badge.removed",
            badge,
            stored_text.gettext("Badge of %(name)s removed", name=badge.name),
        )
        badge.delete()
