"""Reads of programme places: what one organization holds or waits for, and each item's list.

The participant's agenda, the organizer's programme page and the API show the same
figures, so they read them here: a place, a position on the waitlist (1 is next), the
free places left.
"""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.models import WaitlistEntry
from matchfair.web.events.models import AgendaItem, Event


@dataclass(frozen=True)
class ItemPlace:
    """One programme item as one organization sees it."""

    item: AgendaItem
    signed_up: bool
    position: int | None
    waiting: int

    @property
    def free(self) -> int | None:
        """Places left; None when the item has no limit."""
        if self.item.capacity is None:
            return None
        return max(self.item.capacity - self.item.taken, 0)

    @property
    def full(self) -> bool:
        return self.free == 0


def items_with_counts(event: Event) -> QuerySet[AgendaItem]:
    """The event's items with ``taken`` (sign-ups) and ``waiting`` (waitlist) counted."""
    return AgendaItem.objects.filter(event=event).annotate(
        taken=Count("signups", distinct=True), waiting=Count("waitlist", distinct=True)
    )


def waitlist_position(item: AgendaItem, participation: Participation) -> int | None:
    """Where the organization stands on the item's list (1 is next), None when not waiting."""
    order = list(WaitlistEntry.objects.filter(item=item).values_list("participation_id", flat=True))
    return order.index(participation.pk) + 1 if participation.pk in order else None


def places_of(participation: Participation) -> list[ItemPlace]:
    """Every item of the organization's event with its place, position and free places."""
    signed = set(participation.signups.values_list("item_id", flat=True))
    queues: dict[int, list[int]] = {}
    entries = WaitlistEntry.objects.filter(item__event_id=participation.event_id)
    for item_id, participation_id in entries.values_list("item_id", "participation_id"):
        queues.setdefault(item_id, []).append(participation_id)
    places = []
    for item in items_with_counts(participation.event):
        queue = queues.get(item.pk, [])
        position = queue.index(participation.pk) + 1 if participation.pk in queue else None
        places.append(
            ItemPlace(item=item, signed_up=item.pk in signed, position=position, waiting=len(queue))
        )
    return places


def waitlists_of(event: Event) -> dict[int, list[WaitlistEntry]]:
    """Each item's waitlist in order, for the organizer; items without one are left out."""
    lists: dict[int, list[WaitlistEntry]] = {}
    entries = WaitlistEntry.objects.filter(item__event=event).select_related(
        "participation__organization"
    )
    for entry in entries:
        lists.setdefault(entry.item_id, []).append(entry)
    return lists
