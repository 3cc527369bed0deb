"""Who reads which outcomes and agreements (``outcomes.rules``), role by role."""

import pytest

from matchfair.web.events.rules import event_access
from matchfair.web.outcomes.rules import may_read_figures, visible_agreements, visible_outcomes
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def test_organizers_read_every_outcome_and_agreement(world: World):
    found = event_access(world.organizer, world.event)
    assert visible_outcomes(found).count() == 1
    assert visible_agreements(found).count() == 1


def test_a_participant_reads_only_what_concerns_its_organization(world: World):
    party = event_access(world.teg_user, world.event)
    assert visible_outcomes(party).count() == 1
    assert visible_agreements(party).count() == 1
    outsider = event_access(world.smart_eye_user, world.event)
    assert not visible_outcomes(outsider).exists()
    assert not visible_agreements(outsider).exists()


def test_viewers_read_no_outcome_and_no_agreement(world: World):
    found = event_access(world.viewer, world.event)
    assert not visible_outcomes(found).exists()
    assert not visible_agreements(found).exists()


def test_the_figures_are_for_organizers_and_viewers_not_participants(world: World):
    assert may_read_figures(event_access(world.organizer, world.event))
    assert may_read_figures(event_access(world.viewer, world.event))
    assert not may_read_figures(event_access(world.teg_user, world.event))
