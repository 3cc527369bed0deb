"""directory.rules: a participant page is for its organization's delegates and the organizers."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from matchfair.web.directory.rules import delegate_participation
from tests.web.factories import World


def _open(user, participation_id: int):
    request = RequestFactory().get("/")
    request.user = user
    return delegate_participation(request, participation_id)


def test_its_delegates_and_the_events_organizers_open_a_participant_page(world: World):
    assert _open(world.teg_user, world.tegnology.pk) == world.tegnology
    assert _open(world.organizer, world.tegnology.pk) == world.tegnology


def test_other_delegates_viewers_and_other_organizers_are_refused(world: World):
    for user in (world.tsinghua_user, world.viewer, world.other_organizer):
        with pytest.raises(PermissionDenied):
            _open(user, world.tegnology.pk)
