"""The throw-away PostgreSQL database of a web benchmark: made fresh for a run, dropped after.

Each benchmark names its own database, so that two of them never share rows, and none
touches the development database the server URL points at.
"""

import psycopg


def database_urls(server_url: str, database: str) -> tuple[str, str]:
    """The URL of the server's maintenance database and of the benchmark's own one."""
    base = server_url.rsplit("/", 1)[0]
    return f"{base}/postgres", f"{base}/{database}"


def drop_database(maintenance_url: str, database: str) -> None:
    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def fresh_database(maintenance_url: str, database: str) -> None:
    """An empty database of that name, whatever an interrupted run left behind."""
    drop_database(maintenance_url, database)
    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {database}")
