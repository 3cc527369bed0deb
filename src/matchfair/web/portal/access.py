"""Who may open a portal page, and in which time zone its times are shown.

A portal page belongs to one participation: its organization's delegates (and the
event's organizers) may open it, through the web engineer's ``delegate_participation``.
Times are shown in the person's own time zone from their settings.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from matchfair.web.accounts.permissions import delegate_participation
from matchfair.web.notify.domain.personal import settings_of

View = Callable[..., HttpResponse]


def participant_page(view: View) -> View:
    """Decorate a view taking ``(request, participation, ...)`` from ``participation_id``."""

    @login_required
    @wraps(view)
    def checked(
        request: HttpRequest, participation_id: int, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        participation = delegate_participation(request, participation_id)
        with timezone.override(settings_of(request.user).timezone):
            return view(request, participation, *args, **kwargs)

    return checked


def site_url(request: HttpRequest) -> str:
    """The address people use to reach the site, for links in emails."""
    return request.build_absolute_uri("/")
