"""Fixtures of the scheduling tests: the spec's example event."""

import pytest

from matchfair.core import Event, read_event
from tests.conftest import EXAMPLES


@pytest.fixture
def example_event() -> Event:
    return read_event(EXAMPLES / "event.json")
