"""Fixtures of the directory's domain tests: two organizers, each with an event.

``event`` (organized by ``organizer``) is the full test event; ``other_event`` is a
second import of it by the operator, organized by ``stranger``, so both share the
directory entries that had no delegates, as two editions of one series do.
"""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AbstractBaseUser

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from tests.web.factories import make_event, person


@pytest.fixture
def stranger(db) -> AbstractBaseUser:
    return person("stranger", staff=True)


@pytest.fixture
def other_event(event: Event, stranger: AbstractBaseUser) -> Event:
    return make_event(stranger)


@pytest.fixture
def entry(db) -> Callable[[Event, str], Participation]:
    """The participation of ``code`` in ``event``, read afresh, with its organization."""

    def find(event: Event, code: str) -> Participation:
        return Participation.objects.select_related("organization").get(event=event, code=code)

    return find
