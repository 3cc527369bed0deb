"""The hand-computed fixture event of the outcome figures."""

from pathlib import Path

import pytest

from matchfair.core import Event, EventInfo, read_event

FIXTURE = Path(__file__).with_name("fixture_event.json")


@pytest.fixture
def fixture_event() -> Event:
    """Six organizations (one without country or kind), four meetings, five agreements.

    The expected figures in the tests were counted by hand from the file, not by the code.
    """
    return read_event(FIXTURE)


def earlier_edition(event: Event) -> Event:
    """The 2023 edition: the same info a year earlier, two organizations, one held meeting."""
    sessions = [
        session.model_copy(
            update={
                "start": session.start.replace(year=2023),
                "end": session.end.replace(year=2023),
            }
        )
        for session in event.event.sessions
    ]
    info = EventInfo(id="nordic-2023", name="Nordic 2023", sessions=sessions)
    keep = {"tegnology", "tsinghua-energy"}
    outcomes = event.outcomes.model_copy(
        update={
            "meetings": event.outcomes.meetings[:1],
            "agreements": event.outcomes.agreements[:1],
        }
    )
    return event.model_copy(
        update={
            "event": info,
            "organizations": [o for o in event.organizations if o.id in keep],
            "meeting_requests": event.meeting_requests[:2],
            "meetings": event.meetings[:1],
            "outcomes": outcomes,
        }
    )
