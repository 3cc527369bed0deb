"""Reads of the event day that pages, the API and screens share."""

from matchfair.web.eventday.models import DayRules
from matchfair.web.events.models import Event


def day_rules_of(event: Event) -> DayRules:
    """The event's rules for the day; the defaults, unsaved, when the organizer set none."""
    try:
        return event.day_rules
    except DayRules.DoesNotExist:
        return DayRules(event=event)
