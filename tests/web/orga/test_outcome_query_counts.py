"""The outcome list pages run a fixed number of queries at 1 and at 3 rows (no N+1)."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matchfair.core import read_event
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.exchange.to_database import import_event
from matchfair.web.meetings.models import Meeting
from matchfair.web.outcomes.domain.agreements import create_agreement
from matchfair.web.outcomes.domain.feedback import report_meeting
from matchfair.web.outcomes.domain.projects import create_project, express_interest
from tests.outcomes.conftest import FIXTURE

pytestmark = pytest.mark.django_db

PAGES = [
    "orga:meeting_outcomes",
    "orga:agreements",
    "orga:cooperation_projects",
    "reports:event_report",
]


def _event_with(rows: int, organizer) -> Event:
    """The fixture event with ``rows`` agreements, projects and reported meetings."""
    event = import_event(
        read_event(FIXTURE).model_copy(update={"outcomes": None}), organizers=[organizer]
    )
    sides = list(Participation.objects.filter(event=event).order_by("position"))
    meetings = list(Meeting.objects.filter(event=event).order_by("start", "position"))
    for number in range(rows):
        create_agreement(
            event=event,
            code=f"agr-{number}",
            parties=[sides[number], sides[number + 1], sides[number + 2]],
            type="investment",
            title=f"Plant {number}",
            on=date(2024, 11, 18),
        )
        project = create_project(
            event=event,
            host=sides[number],
            title=f"Project {number}",
            sector="energy",
            location="Chengdu",
            contact="invest@example.cn",
            published=True,
        )
        express_interest(project=project, participation=sides[5])
        meeting = meetings[number]
        report_meeting(meeting=meeting, side=meeting.a, status="held", result="follow-up")
    return event


def _queries(client, name: str, event: Event) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse(name, args=[event.pk])).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_rows(client, name: str):
    organizer = get_user_model().objects.create_user("organizer", password="x", is_staff=True)
    client.force_login(organizer)
    counts = [_queries(client, name, _event_with(rows, organizer)) for rows in (1, 3)]
    assert counts[0] == counts[1]
