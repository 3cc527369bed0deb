"""A session row as a ``core.Session``: the one conversion every schedule rule uses."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from matchfair import core
from matchfair.web.events.core_sessions import session_from_row
from matchfair.web.events.models import Session

START = datetime(2025, 5, 14, 6, 0, tzinfo=UTC)
END = datetime(2025, 5, 14, 8, 0, tzinfo=UTC)


def row(**changes: object) -> Session:
    fields = {
        "code": "day1",
        "start": START,
        "end": END,
        "slot_minutes": 20,
        "gap_minutes": 5,
        "mode": "hybrid",
    } | changes
    return Session(**fields)


def test_a_row_becomes_the_same_session_with_its_code_as_id():
    assert session_from_row(row()) == core.Session(
        id="day1", start=START, end=END, slot_minutes=20, gap_minutes=5, mode="hybrid"
    )


def test_in_a_zone_the_times_read_as_the_event_writes_them_and_are_the_same_moments():
    helsinki = ZoneInfo("Europe/Helsinki")

    session = session_from_row(row(), zone=helsinki)

    assert session.start.isoformat() == "2025-05-14T09:00:00+03:00"
    assert session.start == START
    assert core.session_slots(session)[0].start == START


def test_an_unsaved_row_whose_times_give_no_slot_is_refused():
    with pytest.raises(ValidationError):
        session_from_row(row(end=START))
