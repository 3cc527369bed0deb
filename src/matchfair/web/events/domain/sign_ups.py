"""Signing an organization up for an agenda item, within the item's capacity, and back out.

The organization is its ``directory.Participation`` in the event; it is typed as a
model here because directory sits above events, and only its ``event_id`` is read.
"""

from django.db import models, transaction
from django.utils.translation import gettext as _

from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.models import AgendaItem, SignUp


@transaction.atomic
def sign_up(*, item: AgendaItem, participation: models.Model) -> SignUp:
    """Sign an organization up, unless the item is full or belongs to another event."""
    if participation.event_id != item.event_id:
        raise EventRuleError(_("This organization does not take part in the event."))
    locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if SignUp.objects.filter(item=locked, participation=participation).exists():
        raise EventRuleError(_("Already signed up."))
    if locked.capacity is not None and locked.signups.count() >= locked.capacity:
        raise EventRuleError(_("“%(title)s” is full.") % {"title": locked.title})
    return SignUp.objects.create(item=locked, participation=participation)


def cancel_sign_up(*, item: AgendaItem, participation: models.Model) -> None:
    """Take the organization off the item's list; nothing happens when it was not on it."""
    SignUp.objects.filter(item=item, participation=participation).delete()
