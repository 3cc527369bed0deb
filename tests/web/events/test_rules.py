"""events.rules: roles in an event, the events a user sees, and the organizer/reader decorators."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from matchfair.web.events.models import Event
from matchfair.web.events.rules import (
    Role,
    event_access,
    event_reader_required,
    is_organizer,
    organizer_event,
    organizer_required,
    own_participation,
    visible_events,
)
from tests.web.factories import World, person


def test_each_user_gets_their_strongest_role_in_the_event(world: World):
    assert event_access(world.organizer, world.event).role == Role.ORGANIZER
    participant = event_access(world.teg_user, world.event)
    assert participant.role == Role.PARTICIPANT
    assert participant.own == world.tegnology
    assert event_access(world.viewer, world.event).role == Role.VIEWER
    assert event_access(world.other_organizer, world.event) is None
    assert event_access(AnonymousUser(), world.event) is None


def test_a_superuser_organizes_every_event(world: World):
    root = person("root")
    root.is_superuser = True
    assert is_organizer(root, world.event)
    assert event_access(root, world.event).organizes
    assert set(visible_events(root)) == set(Event.objects.all())


def test_a_delegate_owns_only_its_organizations_participation(world: World):
    assert own_participation(world.teg_user, world.event) == world.tegnology
    assert own_participation(world.organizer, world.event) is None
    assert own_participation(AnonymousUser(), world.event) is None


def test_visible_events_are_those_where_the_user_has_a_role(world: World):
    assert list(visible_events(world.organizer)) == [world.event]
    assert list(visible_events(world.viewer)) == [world.event]
    assert list(visible_events(world.other_organizer)) == [world.other_event]
    assert list(visible_events(AnonymousUser())) == []


def test_organizer_event_is_404_when_missing_and_403_when_not_organized(world: World):
    request = RequestFactory().get("/")
    request.user = world.organizer
    assert organizer_event(request, world.event.pk) == world.event
    with pytest.raises(PermissionDenied):
        organizer_event(request, world.other_event.pk)
    with pytest.raises(Http404):
        organizer_event(request, 0)


def _seen(request_method: str, user, view_decorator, event: Event) -> tuple[Event, bool, str]:
    """Call a decorated view; what it received: the event, read_only and the active zone."""
    calls = []

    @view_decorator
    def view(request, event):
        calls.append(
            (event, getattr(request, "read_only", False), timezone.get_current_timezone_name())
        )
        return HttpResponse()

    request = getattr(RequestFactory(), request_method)("/")
    request.user = user
    view(request, event.pk)
    return calls[0]


def test_organizer_pages_run_in_the_events_time_zone(world: World):
    event, read_only, zone = _seen("get", world.organizer, organizer_required, world.event)
    assert (event, read_only, zone) == (world.event, False, world.event.timezone)
    with pytest.raises(PermissionDenied):
        _seen("get", world.viewer, organizer_required, world.event)


def test_a_viewer_reads_organizer_read_pages_read_only_and_never_posts(world: World):
    assert _seen("get", world.viewer, event_reader_required, world.event)[1] is True
    assert _seen("get", world.organizer, event_reader_required, world.event)[1] is False
    assert _seen("post", world.organizer, event_reader_required, world.event)[1] is False
    with pytest.raises(PermissionDenied):
        _seen("post", world.viewer, event_reader_required, world.event)


def test_participants_and_strangers_are_refused_on_reader_pages(world: World):
    for user in (world.teg_user, world.other_organizer):
        with pytest.raises(PermissionDenied):
            _seen("get", user, event_reader_required, world.event)
