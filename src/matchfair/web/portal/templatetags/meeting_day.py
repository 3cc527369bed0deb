"""``{% meetings_of_day participation as today %}``: today's meetings for the agenda's live block.

A tag, not a context variable of the agenda view, so that the block and its read stay
one include line in the agenda page that other parts of the day also extend.
"""

from django import template

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.meeting_day import DayMeeting
from matchfair.web.eventday.meeting_day import meetings_of_day as _meetings_of_day

register = template.Library()


@register.simple_tag
def meetings_of_day(participation: Participation) -> list[DayMeeting]:
    return _meetings_of_day(participation)
