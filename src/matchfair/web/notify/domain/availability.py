"""A participant's own availability, changed in the portal or through the API.

The same function as the organizer's (``meetings.domain.participation.change_availability``,
with its checks of the event's sessions and published meetings), behind the portal's
profile deadline: when the organization can meet is part of its profile.
"""

from datetime import datetime

from matchfair.web.directory.models import Participation
from matchfair.web.meetings.domain.participation import change_availability
from matchfair.web.notify.domain.portal_rules import check_profile_open


def set_own_availability(
    *,
    participation: Participation,
    availability: list[dict[str, str]] | None,
    now: datetime | None = None,
) -> int:
    """Store when the participant's organization can meet; returns the drafts dropped."""
    check_profile_open(participation.event, now)
    return change_availability(participation=participation, availability=availability)
