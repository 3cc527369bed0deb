"""What the agenda and the requests page offer to call off, and the cancellations they list.

Tags rather than view context, so that the agenda page, which other parts of the event
day change too, only includes ``portal/_agenda_cancel.html``.
"""

from django import template

from matchfair.web.directory.models import Participation
from matchfair.web.eventday import cancelled
from matchfair.web.eventday.domain.cancellations import offers_withdrawal
from matchfair.web.meetings.models import Meeting, MeetingRequest

register = template.Library()


@register.simple_tag
def cancellable_meetings(participation: Participation) -> list[Meeting]:
    return cancelled.cancellable_meetings(participation)


@register.simple_tag
def cancellations_of(participation: Participation) -> list[cancelled.CancelledForMe]:
    return cancelled.cancellations_of(participation)


@register.filter
def may_withdraw(meeting_request: MeetingRequest, participation: Participation) -> bool:
    return offers_withdrawal(meeting_request=meeting_request, by=participation)
