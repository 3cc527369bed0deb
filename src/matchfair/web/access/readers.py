"""Event pages that an event's viewers read beside its organizers, without changing anything.

A viewer (a sponsor, a city office) reads what the API gives them: the programme,
the catalog of organizations, the published schedule and the figures. Rather than a
second set of views, the organizer's read pages take ``event_reader_required``:
it lets viewers in for GET and HEAD only and sets ``request.read_only``, which the
view reads to leave out drafts and the template reads to leave out forms and links
to changes. Organizer-only pages never set it, so it is false there.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from matchfair.web.access.roles import Role, event_access
from matchfair.web.events.models import Event

View = Callable[..., HttpResponse]
READ_METHODS = ("GET", "HEAD")


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
        if access is None or access.role == Role.PARTICIPANT:
            raise PermissionDenied
        if not access.organizes and request.method not in READ_METHODS:
            raise PermissionDenied
        request.read_only = not access.organizes
        with timezone.override(event.timezone):
            return view(request, event, *args, **kwargs)

    return checked
