import pytest
from django.test import Client

from tests.web_api.world import World, build_world


@pytest.fixture
def world(db) -> World:
    return build_world()


def client_for(user) -> Client:
    """A browser logged in as ``user`` (session authentication)."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_user():
    return client_for
