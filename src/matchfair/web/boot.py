"""Starting Django from the command line: settings, the database folder, migrations.

The ``matchfair`` commands that need the database call ``start_django`` first, so a
fresh machine gets its database created and migrated by the first command it runs.
"""

import os

from django.db import DatabaseError

from matchfair.web.home import ensure_secret_key

SETTINGS_MODULE = "matchfair.web.settings"


class DatabaseUnavailableError(Exception):
    """The configured database cannot be reached or migrated; the message says which."""


def start_django(*, migrate: bool = True, keep_secret_key: bool = False) -> None:
    """Configure Django and bring the database schema up to date (both idempotent).

    ``keep_secret_key`` stores a secret key in MATCHFAIR_HOME before the settings
    read it: a server needs one that outlives the process, a one-off import not.
    """
    if keep_secret_key:
        ensure_secret_key()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django
    from django.conf import settings

    if not settings.DATABASE_URL:
        settings.MATCHFAIR_HOME.mkdir(parents=True, exist_ok=True)
    django.setup()
    if migrate:
        from django.core.management import call_command

        try:
            call_command("migrate", interactive=False, verbosity=0)
        except DatabaseError as error:
            database = settings.DATABASES["default"]
            where = str(database["NAME"])
            if database.get("HOST"):
                where += f" on {database['HOST']}:{database.get('PORT') or ''}"
            raise DatabaseUnavailableError(f"{where}: {error}") from error
