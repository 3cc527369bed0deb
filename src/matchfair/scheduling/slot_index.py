"""Finding the slot a scheduled meeting claims to be in, shared by the validator and the metrics."""

from datetime import datetime

from matchfair.core import Event, ScheduledMeeting, Slot, event_slots


class SlotIndex:
    """Look up an event's slots by (session id, start, end)."""

    def __init__(self, event: Event) -> None:
        self.slots = event_slots(event.event)
        self._by_time: dict[tuple[str, datetime, datetime], int] = {
            (slot.session, slot.start, slot.end): number for number, slot in enumerate(self.slots)
        }

    def find(self, meeting: ScheduledMeeting) -> int | None:
        """Global index of the meeting's slot, or None when it is not exactly one slot."""
        return self._by_time.get((meeting.session, meeting.start, meeting.end))

    def slot(self, number: int) -> Slot:
        return self.slots[number]
