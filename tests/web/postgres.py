"""Tests that need a database other processes and threads can share: PostgreSQL.

The SQLite test database lives in this process's memory, and SQLite serializes
every write transaction anyway, so these tests run in the PostgreSQL pass of CI.
"""

import pytest
from django.db import connection

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (run with MATCHFAIR_DATABASE_URL): the SQLite test database "
    "is in this process's memory, no second process or parallel writer can reach it",
)


def database_url() -> str:
    """The URL of the test database, for a subprocess to use the same rows."""
    settings = connection.settings_dict
    return (
        f"postgresql://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:"
        f"{settings['PORT']}/{settings['NAME']}"
    )
