"""Fixtures of the outcomes tests: the API tests' world (one outcome, one agreement)."""

import pytest

from tests.web_api.world import World, build_world


@pytest.fixture
def world(db) -> World:
    return build_world()
