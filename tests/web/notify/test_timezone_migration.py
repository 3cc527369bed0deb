"""portal migration 0002: the old default "UTC" becomes "not chosen", real choices stay.

The database is taken back to before the migration, settings are written the old way,
and the migration's function is run on them, as ``migrate`` would on upgrade.
"""

from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from matchfair.web.notify.models import PersonalSettings
from tests.web.factories import make_user

BEFORE = ("portal", "0001_initial")
CHANGE = ("portal", "0002_timezone_follows_event")


@pytest.fixture
def old_schema(transactional_db):
    """The database at portal 0001, migrated forward afterwards."""
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    executor.loader.build_graph()
    yield executor.loader.project_state(CHANGE, at_end=False).apps
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_upgrade_keeps_chosen_zones_and_lets_the_old_default_follow_the_event(old_schema):
    migration = import_module("matchfair.web.notify.migrations.0002_timezone_follows_event")
    old_settings = old_schema.get_model("portal", "PersonalSettings")
    for name, zone in (("chose-tokyo", "Asia/Tokyo"), ("never-chose", "UTC")):
        old_settings.objects.create(user_id=make_user(name).pk, timezone=zone, calendar_token=name)

    migration.old_default_follows_event(old_schema, None)

    zones = dict(PersonalSettings.objects.values_list("user__username", "timezone"))
    assert zones == {"chose-tokyo": "Asia/Tokyo", "never-chose": ""}
