"""Who may read cancellations and who may check badges in at an event's entrance.

Cancellations: the organizer reads every one; a participant those of its own requests
and meetings, whoever made them; viewers none (they read no requests either). The
pages and the API read through ``visible_cancellations``.

Check-in: organizers and check-in staff (``CheckInStaff``), volunteers at the door whose
role opens the check-in desk of that one event and nothing else, so the organizer's
pages keep refusing them (``events.rules`` does not know the role) and the desk page is
the only view decorated with ``check_in_desk_required``.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from matchfair.web.eventday.models import Cancellation
from matchfair.web.events.models import Event
from matchfair.web.events.rules import EventAccess

View = Callable[..., HttpResponse]


def may_check_in(user: AbstractBaseUser | AnonymousUser, event: Event) -> bool:
    """Organizers and the event's check-in staff check badges in; nobody else.

    One query for both roles: every scan at the door asks it.
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return Event.objects.filter(
        Q(organizers=user.pk) | Q(check_in_staff__user=user.pk), pk=event.pk
    ).exists()


def staffed_events(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Event]:
    """The events whose entrance the user staffs, for the links on their home page."""
    if not user.is_authenticated:
        return Event.objects.none()
    return Event.objects.filter(check_in_staff__user_id=user.pk).order_by("name")


def check_in_desk_required(view: View) -> View:
    """Decorate a view taking ``(request, event, ...)`` that organizers and check-in staff open.

    Times on the desk are the event's (the clock at the door).
    """

    @login_required
    @wraps(view)
    def checked(request: HttpRequest, event_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
        event = get_object_or_404(Event, pk=event_id)
        if not may_check_in(request.user, event):
            raise PermissionDenied
        with timezone.override(event.timezone):
            return view(request, event, *args, **kwargs)

    return checked


def visible_cancellations(access: EventAccess) -> QuerySet[Cancellation]:
    """Organizers: all; a participant: those it is a side of; viewers: none."""
    rows = Cancellation.objects.filter(event=access.event)
    if access.organizes:
        return rows
    if access.own is not None:
        return rows.filter(Q(a=access.own) | Q(b=access.own))
    return rows.none()
