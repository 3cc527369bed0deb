"""The outcome domain tests' event: the hand-computed fixture of tests/outcomes, stored without
outcomes (the queries and rules tests use the shared ``world``)."""

import pytest

from matchfair.core import read_event
from matchfair.web.events.models import Event
from matchfair.web.exchange.to_database import import_event
from tests.outcomes.conftest import FIXTURE
from tests.web.factories import make_user


@pytest.fixture
def event(db) -> Event:
    """Three published meetings, five organizations (one a guest without meetings)."""
    document = read_event(FIXTURE).model_copy(update={"outcomes": None})
    return import_event(document)


@pytest.fixture
def user(db):
    return make_user("delegate")
