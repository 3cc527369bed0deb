"""Whether the agenda and partner pages offer Meet now: only while booking on the spot is open."""

from django import template

from matchfair.web.eventday.spot_slots import meet_now_offered
from matchfair.web.events.models import Event

register = template.Library()


@register.filter
def spot_booking_open(event: Event) -> bool:
    """Allowed, published and a session left today: only then does the link lead somewhere."""
    return meet_now_offered(event)
