"""The event day's fixture: a published meeting between the German and the French side."""

import pytest

from matchfair.web.meetings.models import Meeting
from tests.web.eventday.day import meeting_between


@pytest.fixture
def meeting(german, french) -> Meeting:
    return meeting_between(german, french)
