"""The hand-computed fixture event of the outcome figures."""

from pathlib import Path

import pytest

from matchfair.core import Event, read_event

FIXTURE = Path(__file__).with_name("fixture_event.json")


@pytest.fixture
def fixture_event() -> Event:
    """Six organizations (one without country or kind), four meetings, five agreements.

    The expected figures in the tests were counted by hand from the file, not by the code.
    """
    return read_event(FIXTURE)
