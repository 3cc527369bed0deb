"""Helpers for tests of the event day: a published meeting on the fair's day, a set clock."""

from datetime import datetime, timedelta

from django.utils import timezone

from matchfair.web.events.models import Session
from matchfair.web.meetings.models import Meeting, MeetingRequest
from tests.web.factories import BERLIN

NINE_THIRTY = datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN)


def meeting_between(
    a, b, *, start: datetime = NINE_THIRTY, location: str = "table-2", online=False
):
    """A published meeting of the fair's session, with the accepted request it came from."""
    MeetingRequest.objects.create(event=a.event, requester=a, recipient=b, status="accepted")
    return Meeting.objects.create(
        event=a.event,
        a=a,
        b=b,
        session=Session.objects.get(event=a.event),
        start=start,
        end=start + timedelta(minutes=30),
        location=None if online else location,
        online=online,
        published=True,
    )


def set_clock(monkeypatch, moment: datetime) -> None:
    """Make ``timezone.now()`` answer ``moment``, for pages that read the time themselves."""
    monkeypatch.setattr(timezone, "now", lambda: moment)
