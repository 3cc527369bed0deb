"""events migration 0003: events that shared an id get free ones before the id becomes unique."""

from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("events", "0002_one_line_ids_and_names")
UNIQUE = ("events", "0003_unique_event_slugs")


@pytest.fixture
def old_apps(transactional_db):
    """The database at events 0002 (ids not unique), migrated forward afterwards."""
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    executor.loader.build_graph()
    yield executor.loader.project_state(BEFORE, at_end=True).apps
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_oldest_keeps_a_shared_id_and_later_ones_avoid_every_id_in_use(old_apps):
    event_model = old_apps.get_model("events", "Event")
    codes = ["nordic-2024", "nordic-2024", "nordic-2024-2", "", "fair"]
    made = [
        event_model.objects.create(code=code, name=f"Event {index}", timezone="UTC")
        for index, code in enumerate(codes)
    ]

    import_module("matchfair.web.events.migrations.0003_unique_event_slugs").unique_codes(
        event_model
    )

    after = [event_model.objects.get(pk=event.pk).code for event in made]
    assert after == ["nordic-2024", "nordic-2024-3", "nordic-2024-2", f"event-{made[3].pk}", "fair"]
    assert len(set(after)) == len(after)
