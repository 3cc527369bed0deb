"""Putting two directory entries of one organization together, by someone who answers for both.

A separate entry is what an invitation, import or registration makes when it may not
reuse an existing one (``directory.domain.identity``). When the organizer learns that the two
are one organization, the entries become one: the duplicate's participations and
delegates move to the entry that stays, so its delegates then see every event of
both. That is why only someone who answers for every event of both entries (an
organizer of all of them, or an administrator) may do it, and never for two entries
that take part in one event (its meetings and requests would meet themselves).
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web.audit.services import record
from matchfair.web.directory.domain.identity import events_of, standing_of
from matchfair.web.directory.models import Delegate, Organization, Participation
from matchfair.web.events.models import Event


class MergeError(ValueError):
    """A merge the rules refuse; the message says why."""


def may_merge(*, duplicate: Organization, into: Organization, by: AbstractBaseUser) -> bool:
    """Whether ``merge_entries`` would let ``by`` merge these two; pages offer it only then."""
    events, into_events = events_of(duplicate), events_of(into)
    return not events & into_events and standing_of(by).covers(events | into_events)


@transaction.atomic
def merge_entries(*, duplicate: Organization, into: Organization, by: AbstractBaseUser) -> None:
    """Move the duplicate's participations and delegates to ``into`` and delete the duplicate."""
    entries = list(Organization.objects.select_for_update().filter(pk__in=[duplicate.pk, into.pk]))
    if len(entries) != 2:
        raise MergeError(_("An entry cannot be merged into itself."))
    events = events_of(duplicate)
    if events & events_of(into):
        raise MergeError(
            _("%(duplicate)s and %(original)s both take part in one event: merge refused.")
            % {"duplicate": duplicate.name, "original": into.name}
        )
    if not standing_of(by).covers(events | events_of(into)):
        raise MergeError(
            _(
                "%(original)s takes part in events you do not organize: an organizer of all "
                "of them, or an administrator, may merge it."
            )
            % {"original": into.name}
        )
    summary = f"{duplicate.name} ({duplicate.country}) → {into.name} ({into.country})"
    # ``update`` skips ``auto_now``: stamp the rows so that the search index is rebuilt.
    Participation.objects.filter(organization=duplicate).update(
        organization=into, updated_at=timezone.now()
    )
    Delegate.objects.filter(organization=duplicate).update(organization=into)
    for event in Event.objects.filter(pk__in=events | events_of(into)).order_by("pk"):
        record(event, "organization.merged", into, summary)
    duplicate.delete()
