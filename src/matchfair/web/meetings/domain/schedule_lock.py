"""The schedule lock: every change to an event's schedule waits for the one before it.

Two moves into the same slot at the same moment, or a move during a run's store,
are checked one after the other, so the second sees the first and is refused.
Changes to sessions and participations that touch meetings take the same lock.
"""

from matchfair.web.events.models import Event


def lock_schedule(*, event: Event) -> None:
    """Wait for any other change to this event's schedule to commit (call inside a transaction)."""
    list(Event.objects.select_for_update().filter(pk=event.pk).values_list("pk", flat=True))
