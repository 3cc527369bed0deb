"""The job worker's loop: django-tasks' database worker, made to outlast a busy or lost database.

django-tasks-db's worker claims a job with ``SELECT ... FOR UPDATE SKIP LOCKED`` on
PostgreSQL, so several workers never take the same job and never wait for each
other; on SQLite it takes the whole database in an exclusive transaction instead.
It skips a claim that fails with "database is locked", but the ``BEGIN EXCLUSIVE``
before it, and the queries around it, raise out of its loop: one write lock held
longer than the SQLite timeout (an import, a long run storing its result, a
second program) ended the worker, and a restarted PostgreSQL did the same. Here
such an error closes the connections, waits (0.5 s, doubling up to 30 s) and goes
on polling; the next query connects again.
"""

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django_tasks_db.management.commands.db_worker import Worker

logger = logging.getLogger(__name__)

FIRST_DELAY = 0.5
MAX_DELAY = 30.0

T = TypeVar("T")


def retrying(call: Callable[[], T]) -> T:
    """``call()``, called again after a locked or lost database until it gets through.

    The wait doubles from ``FIRST_DELAY`` up to ``MAX_DELAY``, and starts over once a
    call has run for longer than that: a new spell of trouble after a good while.
    """
    delay = FIRST_DELAY
    while True:
        started = time.monotonic()
        try:
            return call()
        except (OperationalError, InterfaceError) as error:
            if time.monotonic() - started > MAX_DELAY:
                delay = FIRST_DELAY
            logger.warning("job worker: %s; trying again in %.1f s", error, delay)
            connections.close_all()
            time.sleep(delay)
            delay = min(delay * 2, MAX_DELAY)


class RetryingWorker(Worker):
    """A database worker that waits out locks and lost connections instead of ending."""

    def run(self) -> None:
        # After a shutdown request the parent's loop returns at once: no retry then.
        retrying(super().run)
