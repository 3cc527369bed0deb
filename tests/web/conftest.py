"""Fixtures of the web tests: an organizer with an event, a stranger, a delegate."""

import pytest

from matchfair.web.directory.models import Delegate, Participation
from tests.web.factories import make_event, make_user


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Embedding caches and uploads of a test stay in its own folder."""
    monkeypatch.setenv("MATCHFAIR_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def organizer(db):
    return make_user("organizer", staff=True)


@pytest.fixture
def event(organizer):
    return make_event(organizer)


@pytest.fixture
def organizer_client(client, organizer):
    client.force_login(organizer)
    return client


@pytest.fixture
def delegate_user(event):
    user = make_user("delegate")
    participation = Participation.objects.get(event=event, code="tegnology")
    Delegate.objects.create(user=user, organization=participation.organization)
    return user
