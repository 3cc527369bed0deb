"""Reading a schedule out of the database joins no meeting or request to the participations.

A join leaves its order to the planner's statistics, and statistics taken while an
import is still uncommitted say the participations table is empty: PostgreSQL then
nests two whole scans of it around the meetings (minutes for a 600-organization
event, ``docs/benchmarks.md`` 2026-12-07). Reading ids and mapping them to codes in
Python cannot go wrong that way; this pins it for every read a stored run makes.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchfair.web.exchange.from_database import export_event, export_schedule, meetings_of
from matchfair.web.meetings.models import UnscheduledMeeting

pytestmark = pytest.mark.django_db

READ_BY_ID = ('FROM "meetings_meeting"', 'FROM "meetings_unscheduledmeeting"')


def _joined_reads(read) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        read()
    return [
        query["sql"]
        for query in queries.captured_queries
        if any(table in query["sql"] for table in READ_BY_ID) and "JOIN" in query["sql"]
    ]


def test_the_schedule_and_its_unscheduled_meetings_are_read_without_joins(event):
    first, second = event.participations.filter(code__in=["tegnology", "smart-eye"])
    UnscheduledMeeting.objects.create(event=event, a=first, b=second, reason="no slot")

    assert _joined_reads(lambda: meetings_of(event, published_only=True)) == []
    assert _joined_reads(lambda: export_schedule(event)) == []
    assert _joined_reads(lambda: export_event(event, with_results=False)) == []


def test_the_schedule_read_by_id_names_each_meeting_by_its_codes(event):
    (meeting,) = export_schedule(event).meetings

    assert (meeting.a, meeting.b, meeting.session, meeting.interpreter) == (
        "tegnology",
        "tsinghua-energy",
        "day1-pm",
        "interp-1",
    )
    assert meeting.start.isoformat() == "2024-11-18T14:00:00+08:00"
