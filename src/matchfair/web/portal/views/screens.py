"""The hall's screens, opened through the event's screens' link without a login.

A table screen shows a table's (or a few tables') meeting now and the next one; the
entrance board shows the next slot's meetings by table. They reload themselves every
15 seconds (a ``Refresh`` header, no script), may be cached for a few seconds, and
answer 404 the moment the organizer revokes or renews the link.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import cache_control

from matchfair.web.eventday.screens import (
    MAX_TABLES,
    entrance_board,
    screen_event,
    table_screens,
)
from matchfair.web.events.models import Event

REFRESH_SECONDS = 15
CACHE_SECONDS = 5


def _event(token: str) -> Event:
    event = screen_event(token)
    if event is None:
        raise Http404
    return event


def _screen(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    response = render(request, template, {**context, "refresh": REFRESH_SECONDS})
    response["Refresh"] = str(REFRESH_SECONDS)
    response["X-Robots-Tag"] = "noindex"
    return response


@cache_control(public=True, max_age=CACHE_SECONDS)
def table_screen(request: HttpRequest, token: str, tables: str) -> HttpResponse:
    """One table, or a group named with commas (``table-1,table-2``)."""
    event = _event(token)
    names = [name.strip() for name in tables.split(",") if name.strip()]
    if not names or len(names) > MAX_TABLES:
        raise Http404
    now = timezone.now()
    with timezone.override(event.timezone):
        return _screen(
            request,
            "portal/screens/tables.html",
            {"screen_event": event, "screens": table_screens(event, names, now=now), "now": now},
        )


@cache_control(public=True, max_age=CACHE_SECONDS)
def entrance_screen(request: HttpRequest, token: str) -> HttpResponse:
    event = _event(token)
    now = timezone.now()
    start, meetings = entrance_board(event, now=now)
    with timezone.override(event.timezone):
        return _screen(
            request,
            "portal/screens/entrance.html",
            {"screen_event": event, "start": start, "meetings": meetings, "now": now},
        )
