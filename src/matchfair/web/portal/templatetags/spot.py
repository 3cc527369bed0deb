"""Whether the agenda and partner pages offer Meet now: only while booking on the spot is open."""

from django import template

from matchfair.web.eventday.queries import day_rules_of
from matchfair.web.events.models import Event

register = template.Library()


@register.filter
def spot_booking_open(event: Event) -> bool:
    """The organizer allows it and the schedule is published: a link would lead somewhere."""
    return event.schedule_published_at is not None and day_rules_of(event).spot_booking
