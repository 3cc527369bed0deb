"""Who may open a participant's portal page, and in which time zone its times are shown.

A portal page belongs to one participation: its organization's delegates (and the
event's organizers) may open it, through ``directory.rules.delegate_participation``.
Times are shown in the person's own time zone (their choice, else the event's), from
their personal settings, a model
of this app (label ``portal``), which is why the decorator lives here and not in
``directory``.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from matchfair.web.directory.rules import delegate_participation
from matchfair.web.notify.domain.personal import zone_of

View = Callable[..., HttpResponse]


def participant_page(view: View) -> View:
    """Decorate a view taking ``(request, participation, ...)`` from ``participation_id``."""

    @login_required
    @wraps(view)
    def checked(
        request: HttpRequest, participation_id: int, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        participation = delegate_participation(request, participation_id)
        with timezone.override(zone_of(request.user, participation=participation)):
            return view(request, participation, *args, **kwargs)

    return checked
