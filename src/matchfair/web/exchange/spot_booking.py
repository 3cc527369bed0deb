"""An on-the-spot booking, kept only if the scheduler's validator finds no new broken rule.

``eventday.domain.spot_booking`` checks the move rules under the schedule lock; this
adds the check every run's result gets (``matchfair.scheduling.validate_schedule``,
rules 1-8, on the whole stored schedule), as ``hand_placement`` does for the
organizer's placing by hand. The pages and the API call this.
"""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain.spot_booking import book_spot
from matchfair.web.events.models import Session
from matchfair.web.exchange.hand_placement import kept_if_valid
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting


@transaction.atomic
def book_spot_validated(
    *,
    participation: Participation,
    partner: Participation,
    session: Session,
    start: datetime,
    user: AbstractBaseUser | None,
    site_url: str = "",
    now: datetime | None = None,
) -> Meeting:
    """``book_spot``, undone (``MeetingRuleError``) if the stored schedule breaks a new rule."""
    event = participation.event
    lock_schedule(event=event)
    return kept_if_valid(
        event,
        lambda: book_spot(
            participation=participation,
            partner=partner,
            session=session,
            start=start,
            user=user,
            site_url=site_url,
            now=now,
        ),
    )
