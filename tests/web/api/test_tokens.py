"""api.domain.tokens: a token's creation and revocation reach the trail of each organized event."""

from matchfair.web.api.domain.tokens import create_token, withdraw_token
from matchfair.web.audit.models import AuditEntry
from tests.web.factories import World


def test_a_new_token_is_written_to_the_trail_of_the_owners_events_only(world: World):
    issued = create_token(user=world.organizer, name="CRM sync")
    entries = AuditEntry.objects.filter(action="api-token.created")
    assert [entry.event for entry in entries] == [world.event]
    assert f"“CRM sync” ({issued.token.prefix}…)" == entries[0].summary


def test_revoking_twice_writes_once(world: World):
    issued = create_token(user=world.organizer, name="CRM sync")
    withdraw_token(token=issued.token)
    withdraw_token(token=issued.token)
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is not None
    assert AuditEntry.objects.filter(action="api-token.revoked").count() == 1
