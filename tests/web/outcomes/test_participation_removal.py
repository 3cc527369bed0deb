"""outcomes.domain.participation_removal: out of the event, unless meetings or outcomes hang on it."""

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.models import Organization, Participation
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.outcomes.domain.participation_removal import (
    participation_dependents,
    remove_participation,
)
from matchfair.web.outcomes.models import MeetingOutcome
from tests.web.factories import World


def test_a_participation_with_a_published_meeting_stays(world: World):
    assert participation_dependents(participation=world.tegnology).published == 1
    with pytest.raises(EventRuleError, match="1 published meeting"):
        remove_participation(participation=world.tegnology)
    assert Participation.objects.filter(pk=world.tegnology.pk).exists()


def test_a_recorded_outcome_blocks_the_removal(world: World):
    assert participation_dependents(participation=world.smart_eye).outcomes == 0
    MeetingOutcome.objects.create(
        event=world.event,
        a=world.smart_eye,
        b=world.tsinghua,
        start=world.draft.start,
        status=MeetingOutcome.Status.HELD,
    )
    dependents = participation_dependents(participation=world.smart_eye)
    assert (dependents.published, dependents.outcomes, dependents.blocked) == (0, 1, True)
    with pytest.raises(EventRuleError, match="Outcomes are recorded"):
        remove_participation(participation=world.smart_eye)


def test_a_removal_takes_requests_and_drafts_keeps_the_entry_and_is_audited(world: World):
    removed = remove_participation(participation=world.smart_eye)
    assert (removed.requests, removed.drafts) == (1, 1)
    assert not Participation.objects.filter(pk=world.smart_eye.pk).exists()
    assert Organization.objects.filter(pk=world.smart_eye.organization_id).exists()
    entry = AuditEntry.objects.get(action="participation.removed")
    assert "removed: 1 request, 1 draft meeting" in entry.summary
