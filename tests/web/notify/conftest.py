"""Fixtures of the notify tests: the portal tests' bilingual event, with fast passwords."""

import pytest
from django.contrib.auth.models import AbstractBaseUser

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from tests.web_portal import builders


@pytest.fixture(autouse=True)
def fast_passwords(settings) -> None:
    """Hashing with the production hasher costs a second per account; tests need many."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def fair(db) -> Event:
    return builders.event(builders.organizer())


@pytest.fixture
def german(fair) -> Participation:
    return builders.german_battery_maker(fair)


@pytest.fixture
def french(fair) -> Participation:
    return builders.french_winery(fair)


@pytest.fixture
def german_user(german) -> AbstractBaseUser:
    return builders.user_of(german)
