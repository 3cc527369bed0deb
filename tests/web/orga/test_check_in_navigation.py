"""Check-in staff reach the desk from their home page by links, and no other page of the event."""

import pytest

from matchfair.web.eventday.models import CheckInStaff
from tests.web import factories
from tests.web.test_navigation import orphans, reached_by_links

pytestmark = pytest.mark.django_db

DESK_PAGES = {"orga:check_in_desk", "orga:check_in_scan"}


def test_check_in_staff_reach_the_desk_and_nothing_else_of_the_event(client_for, world):
    staff = factories.person("volunteer")
    CheckInStaff.objects.create(event=world.event, user=staff)
    client = client_for(staff)
    assert not orphans(client, world, world.tegnology, delegate=False)
    reached = reached_by_links(client)
    assert reached >= DESK_PAGES
    assert not {name for name in reached if name.startswith(("orga:", "reports:"))} - DESK_PAGES


def test_organizers_reach_the_badges_and_the_desk(client_for, world):
    reached = reached_by_links(client_for(world.organizer))
    assert {"orga:badges", "orga:check_in_desk", "orga:grant_check_in_staff"} <= reached
