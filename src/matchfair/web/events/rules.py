"""Who has which role in an event, which events a user sees, and the decorators of event pages.

Every organizer page loads its event through ``organizer_event`` (or
``organizer_required``) so that a page can never be reached for an event its user
does not organize; every API endpoint asks ``event_access`` first.

- organizer: reads and changes everything of the events that list them (superusers: all);
- participant: a delegate of an organization taking part; reads the catalog, its own
  requests, recommendations and published meetings, and a partner's contact details
  once a meeting with that partner is accepted (``meetings.rules``);
- viewer: reads the catalog, the published schedule and the figures; no requests,
  no recommendations, no contact details.

The participant and viewer roles are rows of apps above this one (``directory``'s
participations, ``access``'s viewers): they are read here through the event's reverse
relations (``event.participations``, ``event.viewers``), never by importing those apps.

Viewers (a sponsor, a city office) read what the API gives them and the organizer's
read pages: ``event_reader_required`` lets them in for GET and HEAD only and sets
``request.read_only``, which the view reads to leave out drafts and the template reads
to leave out forms and links to changes. Organizer-only pages never set it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone

from matchfair.web.accounts.rules import can_create_events
from matchfair.web.events.models import Event

User = AbstractBaseUser | AnonymousUser
View = Callable[..., HttpResponse]
READ_METHODS = ("GET", "HEAD")


class Role(StrEnum):
    ORGANIZER = "organizer"
    PARTICIPANT = "participant"
    VIEWER = "viewer"


@dataclass(frozen=True)
class EventAccess:
    """A user's role in one event; ``own`` is their organization's participation (participants).

    ``own`` is a ``directory.Participation``, typed as a model because directory sits
    above events.
    """

    event: Event
    role: Role
    own: models.Model | None = None

    @property
    def organizes(self) -> bool:
        return self.role == Role.ORGANIZER


def is_organizer(user: User, event: Event) -> bool:
    """Superusers organize everything; others only the events that list them."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return event.organizers.filter(pk=user.pk).exists()


def own_participation(user: User, event: Event) -> models.Model | None:
    """The participation of the organization the user is a delegate of, in this event."""
    if not user.is_authenticated:
        return None
    return (
        event.participations.select_related("organization")
        .filter(organization__delegates__user_id=user.pk)
        .first()
    )


def event_access(user: User, event: Event) -> EventAccess | None:
    """The strongest role the user has in the event, or None when they have none."""
    if not user.is_authenticated:
        return None
    if is_organizer(user, event):
        return EventAccess(event, Role.ORGANIZER)
    own = own_participation(user, event)
    if own is not None:
        return EventAccess(event, Role.PARTICIPANT, own)
    if event.viewers.filter(user_id=user.pk).exists():
        return EventAccess(event, Role.VIEWER)
    return None


def visible_events(user: User) -> QuerySet[Event]:
    """The events in which the user has any role."""
    if not user.is_authenticated:
        return Event.objects.none()
    if user.is_superuser:
        return Event.objects.all()
    delegate = getattr(user, "delegate", None)
    rule = Q(organizers=user) | Q(viewers__user=user)
    if delegate is not None:
        rule |= Q(participations__organization_id=delegate.organization_id)
    return Event.objects.filter(pk__in=Event.objects.filter(rule).values("pk"))


def unowned_events(user: User) -> QuerySet[Event]:
    """Events nobody organizes (loaded with ``matchfair import``), for a staff user to assign.

    Without an organizer nobody could open such an event's pages; any account that may
    create events may give it one (``access.domain.roles.assign_first_organizer``).
    """
    if not can_create_events(user):
        return Event.objects.none()
    return Event.objects.filter(organizers=None)


def may_assign_first_organizer(user: User, event: Event) -> bool:
    """Whether ``user`` may give ``event`` its first organizer: staff, and nobody organizes it."""
    return can_create_events(user) and not event.organizers.exists()


def _to_assignment(request: HttpRequest, event: Event) -> HttpResponse | None:
    """A staff user who opens an event nobody organizes is sent to assign an organizer."""
    if may_assign_first_organizer(request.user, event):
        return redirect("orga:assign_organizer", event_id=event.pk)
    return None


def organizer_event(request: HttpRequest, event_id: int) -> Event:
    """The event of an organizer page: 404 when it does not exist, 403 when not the user's."""
    event = get_object_or_404(Event, pk=event_id)
    if not is_organizer(request.user, event):
        raise PermissionDenied
    return event


def organizer_required(view: View) -> View:
    """Decorate a view taking ``(request, event, ...)``: resolves ``event_id`` and checks the role.

    Times on the page are shown and entered in the event's time zone.
    """

    @login_required
    @wraps(view)
    def checked(request: HttpRequest, event_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
        event = get_object_or_404(Event, pk=event_id)
        if not is_organizer(request.user, event):
            assignment = _to_assignment(request, event)
            if assignment is not None:
                return assignment
            raise PermissionDenied
        with timezone.override(event.timezone):
            return view(request, event, *args, **kwargs)

    return checked


def event_reader_required(view: View) -> View:
    """Decorate a view taking ``(request, event, ...)`` that organizers and viewers may open.

    Participants are refused (their pages are the portal's), as is everyone without a
    role in the event, and a viewer's POST (403), whatever the view would do with it.
    """

    @login_required
    @wraps(view)
    def checked(request: HttpRequest, event_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
        event = get_object_or_404(Event, pk=event_id)
        access = event_access(request.user, event)
        if access is None:
            assignment = _to_assignment(request, event)
            if assignment is not None:
                return assignment
        if access is None or access.role == Role.PARTICIPANT:
            raise PermissionDenied
        if not access.organizes and request.method not in READ_METHODS:
            raise PermissionDenied
        request.read_only = not access.organizes
        with timezone.override(event.timezone):
            return view(request, event, *args, **kwargs)

    return checked
