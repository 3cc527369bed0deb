"""Sign-ups for programme items with a waitlist: a freed place goes to the first waiting, at once.

Every way a place is freed (a participant or the organizer cancels a sign-up, the
organizer raises the capacity) runs through here, so the first on the list is signed
up in the same transaction as the change that freed the place, with the item's row
locked; two people can never take the same place, and nobody is signed up twice.
The functions of ``events.domain.sign_ups``, ``events.domain.programme`` and
``outcomes.domain.participation_removal`` keep their rules; these wrap them, and pages
and the API call these.
"""

from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.models import WaitlistEntry
from matchfair.web.events.domain import programme, sign_ups
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.models import AgendaItem, SignUp
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.outbox.models import Mail
from matchfair.web.outcomes.domain import participation_removal


def _locked(item: AgendaItem) -> AgendaItem:
    """The item's row, locked until the transaction ends: every place change of it queues here."""
    return AgendaItem.objects.select_for_update().get(pk=item.pk)


def _is_full(item: AgendaItem) -> bool:
    return item.capacity is not None and item.signups.count() >= item.capacity


@transaction.atomic
def sign_up(*, item: AgendaItem, participation: Participation) -> SignUp:
    """Take a free place; refused when the item is full (the participant may wait instead)."""
    locked = _locked(item)
    signed = sign_ups.sign_up(item=locked, participation=participation)
    WaitlistEntry.objects.filter(item=locked, participation=participation).delete()
    return signed


@transaction.atomic
def join_waitlist(*, item: AgendaItem, participation: Participation) -> WaitlistEntry:
    """Queue for a full item; refused while a place is free, or when already on it or waiting."""
    if participation.event_id != item.event_id:
        raise EventRuleError(_("This organization does not take part in the event."))
    locked = _locked(item)
    if SignUp.objects.filter(item=locked, participation=participation).exists():
        raise EventRuleError(_("Already signed up."))
    if WaitlistEntry.objects.filter(item=locked, participation=participation).exists():
        raise EventRuleError(_("Already on the waitlist."))
    if not _is_full(locked):
        raise EventRuleError(
            _("“%(title)s” has a free place: sign up instead.") % {"title": locked.title}
        )
    return WaitlistEntry.objects.create(item=locked, participation=participation)


@transaction.atomic
def leave_waitlist(*, item: AgendaItem, participation: Participation) -> bool:
    """Leave the item's waitlist; False when the organization was not waiting."""
    locked = _locked(item)
    deleted, _rows = WaitlistEntry.objects.filter(item=locked, participation=participation).delete()
    return bool(deleted)


@transaction.atomic
def cancel_sign_up(
    *, item: AgendaItem, participation: Participation, site_url: str = ""
) -> list[Participation]:
    """Give the place back; the first waiting take it. Returns who got a place."""
    locked = _locked(item)
    had_place = SignUp.objects.filter(item=locked, participation=participation).exists()
    sign_ups.cancel_sign_up(item=locked, participation=participation)
    if had_place:
        record(
            locked.event,
            "agenda-item.sign-up-cancelled",
            locked,
            stored_text.gettext(
                "%(name)s gave up its place on “%(title)s”.",
                name=participation.organization.name,
                title=locked.title,
            ),
        )
    return _fill(locked, site_url=site_url)


@transaction.atomic
def change_agenda_item(*, item: AgendaItem, site_url: str = "", **fields: object) -> AgendaItem:
    """Change an item (``events.domain.programme``'s rules); a raised capacity fills from the list."""
    changed = programme.change_agenda_item(item=_locked(item), **fields)
    _fill(changed, site_url=site_url)
    return changed


@transaction.atomic
def remove_participation(
    *, participation: Participation, site_url: str = ""
) -> participation_removal.ParticipationDependents:
    """Take an organization out of the event (``outcomes``' rules); its places go to the waiting."""
    items = list(
        AgendaItem.objects.select_for_update()
        .filter(signups__participation=participation)
        .order_by("pk")
    )
    removed = participation_removal.remove_participation(participation=participation)
    for item in items:
        _fill(item, site_url=site_url)
    return removed


@transaction.atomic
def remove_entry(*, entry: WaitlistEntry) -> None:
    """The organizer takes an organization off an item's waitlist."""
    item = _locked(entry.item)
    WaitlistEntry.objects.filter(pk=entry.pk).delete()
    record(
        item.event,
        "agenda-item.waitlist-removed",
        item,
        stored_text.gettext(
            "%(name)s taken off the waitlist of “%(title)s”.",
            name=entry.participation.organization.name,
            title=item.title,
        ),
    )


@transaction.atomic
def move_to_top(*, entry: WaitlistEntry, now: datetime | None = None) -> WaitlistEntry:
    """The organizer puts an organization first in line for the next free place."""
    item = _locked(entry.item)
    moved = WaitlistEntry.objects.get(pk=entry.pk)
    moved.moved_up_at = now or timezone.now()
    moved.save(update_fields=["moved_up_at"])
    record(
        item.event,
        "agenda-item.waitlist-moved-up",
        item,
        stored_text.gettext(
            "%(name)s moved to the top of the waitlist of “%(title)s”.",
            name=moved.participation.organization.name,
            title=item.title,
        ),
    )
    return moved


def _fill(item: AgendaItem, *, site_url: str) -> list[Participation]:
    """Sign up the first waiting while places are free; the caller holds the item's lock."""
    promoted = []
    waiting = WaitlistEntry.objects.filter(item=item).select_related("participation__organization")
    for entry in waiting:
        if _is_full(item):
            break
        participation = entry.participation
        SignUp.objects.create(item=item, participation=participation)
        entry.delete()
        record(
            item.event,
            "agenda-item.waitlist-promoted",
            item,
            stored_text.gettext(
                "%(name)s got a place on “%(title)s” from the waitlist.",
                name=participation.organization.name,
                title=item.title,
            ),
        )
        notify(
            participation,
            stored_text.gettext(
                "A place on “%(title)s” (%(start)s) became free: you are signed up.",
                title=item.title,
                start=stored_text.moment(item.start),
            ),
            subject=stored_text.gettext("You have a place on “%(title)s”", title=item.title),
            kind=Mail.Kind.AGENDA,
            link=reverse("portal:agenda", args=[participation.pk]),
            site_url=site_url,
        )
        promoted.append(participation)
    return promoted
