"""Who may see what: organizers run their events, delegates see their own organization's agenda.

Every organizer page loads its event through ``organizer_event`` so that a page can
never be reached for an event its user does not organize.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event

View = Callable[..., HttpResponse]


def is_organizer(user: AbstractBaseUser | AnonymousUser, event: Event) -> bool:
    """Superusers organize everything; others only the events that list them."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return event.organizers.filter(pk=user.pk).exists()


def can_create_events(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Staff accounts are the organizers' accounts; delegates cannot create events."""
    return bool(user.is_authenticated and (user.is_staff or user.is_superuser))


def organizer_event(request: HttpRequest, event_id: int) -> Event:
    """The event of an organizer page: 404 when it does not exist, 403 when not the user's."""
    event = get_object_or_404(Event, pk=event_id)
    if not is_organizer(request.user, event):
        raise PermissionDenied
    return event


def organizer_required(view: Callable[..., HttpResponse]) -> View:
    """Decorate a view taking ``(request, event, ...)``: resolves ``event_id`` and checks the role.

    Times on the page are shown and entered in the event's time zone.
    """

    @login_required
    @wraps(view)
    def checked(request: HttpRequest, event_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
        event = organizer_event(request, event_id)
        with timezone.override(event.timezone):
            return view(request, event, *args, **kwargs)

    return checked


def delegate_participation(request: HttpRequest, participation_id: int) -> Participation:
    """A participant page: its organization's delegates and the event's organizers only."""
    participation = get_object_or_404(
        Participation.objects.select_related("event", "organization"), pk=participation_id
    )
    user = request.user
    delegate = getattr(user, "delegate", None)
    if delegate is not None and delegate.organization_id == participation.organization_id:
        return participation
    if is_organizer(user, participation.event):
        return participation
    raise PermissionDenied
