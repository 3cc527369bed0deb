"""The reminder tests' event: a German and a French organization, one request, one meeting, one agreement.

The fair has one session on 2026-12-01, 09:00-12:00 in Berlin; the French side asked
the German side for a meeting (not answered yet), a published meeting joins them, and
they agreed an intention ("Solar storage for vineyards").
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event, Session
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.notify.domain.portal_rules import rules_of
from matchfair.web.outcomes.domain.agreements import create_agreement
from matchfair.web.outcomes.models import Agreement

BERLIN = ZoneInfo("Europe/Berlin")
DEADLINE = datetime(2026, 11, 25, 18, 0, tzinfo=BERLIN)
START = datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN)
END = datetime(2026, 12, 1, 12, 0, tzinfo=BERLIN)


@dataclass
class ReminderWorld:
    event: Event
    german: Participation
    french: Participation
    agreement: Agreement


def build_reminder_world(
    fair: Event, german: Participation, french: Participation
) -> ReminderWorld:
    rules = rules_of(fair)
    rules.request_deadline = DEADLINE
    rules.save()
    MeetingRequest.objects.create(
        event=fair, requester=french, recipient=german, status=MeetingRequest.Status.REQUESTED
    )
    session = Session.objects.get(event=fair)
    Meeting.objects.create(
        event=fair,
        a=german,
        b=french,
        session=session,
        start=START,
        end=START + timedelta(minutes=30),
        published=True,
    )
    agreement = create_agreement(
        event=fair,
        code="solar-vineyards",
        parties=[german, french],
        type="commercial",
        title="Solar storage for vineyards",
        on=date(2026, 12, 1),
    )
    return ReminderWorld(fair, german, french, agreement)
