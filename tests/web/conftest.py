"""The fixtures every web test may use; the data they hold is built by ``factories.py``.

- ``organizer``, ``event``, ``organizer_client``, ``delegate_user``: the full test event
  of ``documents.py`` and who takes part in it;
- ``world``: that event with every role in it (``factories.build_world``);
- ``owner``, ``fair``, ``german``, ``french``, ``german_user``, ``german_client``,
  ``french_client``: the small bilingual event of the portal, meetings and notify tests;
- ``outcome_event``: the outcome tests' fixture event without its outcomes, organized
  by ``organizer`` (the orga, portal and reports outcome pages);
- ``client_for(user)``: a Django test client logged in as ``user``;
- ``browser``: Debian's chromium through Playwright, for the ``browser`` tests.

A fixture that one app's tests alone use goes in that app's ``conftest.py``.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth.models import AbstractBaseUser
from django.db import connections
from django.test import Client

from matchfair.core import read_event
from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.events.models import Event
from matchfair.web.exchange.to_database import import_event
from tests.outcomes.conftest import FIXTURE as OUTCOME_FIXTURE
from tests.web import factories
from tests.web.factories import World, build_world, make_event, make_user
from tests.web.smtp import smtp_server  # noqa: F401  (a fixture for every web test that mails)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = "/usr/bin/chromium"
ARGUMENTS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Embedding caches and uploads of a test stay in its own folder."""
    monkeypatch.setenv("MATCHFAIR_CACHE", str(tmp_path / "cache"))


@pytest.fixture(autouse=True)
def mail_delivered_on_commit(settings) -> None:
    """The outbox's task runs at once after the commit, into pytest-django's ``mailoutbox``.

    In production it waits for the worker (django-tasks-db); a test that captures the
    on-commit callbacks sees the mail its change queued, written as its reader reads it.
    """
    settings.TASKS = {
        **settings.TASKS,
        "mail": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
    settings.MATCHFAIR_MAIL_TASK_BACKEND = "mail"


@pytest.fixture(autouse=True)
def fast_passwords(settings) -> None:
    """Hashing with the production hasher costs a second per account; tests need many."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def client_for() -> Callable[[AbstractBaseUser], Client]:
    """``client_for(user)``: a new test client with ``user`` logged in (no password check)."""

    def logged_in(user: AbstractBaseUser) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return logged_in


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
def outcome_event(organizer) -> Event:
    """The outcome tests' fixture event without its outcomes (the pages record them),
    organized by ``organizer``."""
    document = read_event(OUTCOME_FIXTURE).model_copy(update={"outcomes": None})
    return import_event(document, organizers=[organizer])


@pytest.fixture
def delegate_user(event):
    user = make_user("delegate")
    participation = Participation.objects.get(event=event, code="tegnology")
    Delegate.objects.create(user=user, organization=participation.organization)
    return user


@pytest.fixture
def world(db) -> World:
    return build_world()


@pytest.fixture
def owner(db) -> AbstractBaseUser:
    return factories.organizer()


@pytest.fixture
def fair(owner) -> Event:
    return factories.event(owner)


@pytest.fixture
def german(fair) -> Participation:
    return factories.german_battery_maker(fair)


@pytest.fixture
def french(fair) -> Participation:
    return factories.french_winery(fair)


@pytest.fixture
def german_user(german) -> AbstractBaseUser:
    return factories.user_of(german)


@pytest.fixture
def german_client(german, client_for) -> Client:
    return client_for(factories.user_of(german))


@pytest.fixture
def french_client(french, client_for) -> Client:
    return client_for(factories.user_of(french))


@pytest.fixture
def browser() -> Iterator["Browser"]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package")
    # Playwright's sync API runs an event loop in this thread; the test's own database
    # calls are plain synchronous ones between browser steps.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTS)
            yield launched
            # The test's database calls ran while Playwright's loop was current, on a
            # connection of their own: close it, or the test database cannot be dropped.
            connections.close_all()
            launched.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous
