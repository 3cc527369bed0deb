"""Fixtures of the portal tests: an event with an organizer and two registered organizations."""

import pytest
from django.contrib.auth.models import AbstractBaseUser
from django.test import Client

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from tests.web_portal import builders


@pytest.fixture(autouse=True)
def fast_passwords(settings) -> None:
    """Hashing with the production hasher costs a second per account; tests need many."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def owner(db) -> AbstractBaseUser:
    return builders.organizer()


@pytest.fixture
def fair(owner) -> Event:
    return builders.event(owner)


@pytest.fixture
def german(fair) -> Participation:
    return builders.german_battery_maker(fair)


@pytest.fixture
def french(fair) -> Participation:
    return builders.french_winery(fair)


def logged_in(participation: Participation) -> Client:
    client = Client()
    client.force_login(builders.user_of(participation))
    return client


@pytest.fixture
def german_client(german) -> Client:
    return logged_in(german)


@pytest.fixture
def french_client(french) -> Client:
    return logged_in(french)
