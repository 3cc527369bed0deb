"""outcomes migration 0004: the agreement steps of outcomes' old history become audit entries.

The database is taken back to before the move, an old history is written to the old
table, and the migration's function is run on it, as ``migrate`` would on upgrade.
"""

from datetime import UTC, date, datetime
from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from matchfair.web.audit.models import AuditEntry
from matchfair.web.events.models import Event
from matchfair.web.outcomes.queries import agreement_history
from tests.web.factories import make_user
from tests.web.outcomes.helpers import agreement

BEFORE = ("outcomes", "0003_cooperationproject_code")
MOVE = ("outcomes", "0004_history_into_audit")


@pytest.fixture
def old_schema(transactional_db):
    """The database at outcomes 0003 (the old history table back), migrated forward afterwards."""
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    executor.loader.build_graph()
    yield executor.loader.project_state(MOVE, at_end=False).apps
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_upgrade_keeps_the_old_history_with_author_and_time(old_schema, event: Event):
    migration = import_module("matchfair.web.outcomes.migrations.0004_history_into_audit")
    made = agreement(event, "tegnology", "tsinghua-energy")
    AuditEntry.objects.all().delete()  # the agreement's first step, written the new way
    author = make_user("recorder")
    author.first_name, author.last_name = "Ada", "Lovelace"
    author.save()
    change_model = old_schema.get_model("outcomes", "AgreementStatusChange")
    recorded = datetime(2025, 1, 11, 9, 30, tzinfo=UTC)
    for status, on, note, by in (
        ("intention", date(2024, 11, 18), "", None),
        ("signed", date(2025, 1, 10), "in Chengdu", author.pk),
    ):
        step = change_model.objects.create(
            agreement_id=made.pk, status=status, date=on, note=note, recorded_by_id=by
        )
        change_model.objects.filter(pk=step.pk).update(recorded_at=recorded)

    migration.history_into_audit(old_schema, None)

    assert [(s.status, s.date, s.note) for s in agreement_history(made)] == [
        ("intention", date(2024, 11, 18), ""),
        ("signed", date(2025, 1, 10), "in Chengdu"),
    ]
    signed = AuditEntry.objects.get(action="agreement.signed")
    assert (signed.actor, signed.actor_name, signed.at) == (author, "Ada Lovelace", recorded)
    assert signed.summary == "Photovoltaic efficiency pilot (2025-01-10) in Chengdu"
    assert signed.subject == f"agreement:{made.pk}"
