"""Fixtures of the outcomes tests: the hand-computed fixture event of tests/outcomes stored
without outcomes (domain tests), and the API tests' world (queries and rules)."""

import pytest

from matchfair.core import read_event
from matchfair.web.events.models import Event
from matchfair.web.exchange.to_database import import_event
from tests.outcomes.conftest import FIXTURE
from tests.web.factories import make_user
from tests.web_api.world import World, build_world


@pytest.fixture
def event(db) -> Event:
    """Three published meetings, five organizations (one a guest without meetings)."""
    document = read_event(FIXTURE).model_copy(update={"outcomes": None})
    return import_event(document)


@pytest.fixture
def user(db):
    return make_user("delegate")


@pytest.fixture
def world(db) -> World:
    return build_world()
