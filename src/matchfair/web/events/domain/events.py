"""Creating an event (an edition, in its series) and changing its settings."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.text import slugify

from matchfair.web.events.models import Event, Series


@transaction.atomic
def create_event(
    *,
    name: str,
    code: str,
    timezone: str,
    organizer: AbstractBaseUser,
    series_name: str = "",
    tables: int | None = None,
    online_rooms: int | None = None,
    match_across_groups: bool = False,
) -> Event:
    """A new edition, organized by ``organizer``, in the named series (created when new)."""
    series = Series.objects.get_or_create(name=series_name)[0] if series_name else None
    event = Event.objects.create(
        series=series,
        code=code or slugify(name)[:200] or "event",
        name=name,
        timezone=timezone,
        tables=tables,
        online_rooms=online_rooms,
        match_across_groups=match_across_groups,
    )
    event.organizers.add(organizer)
    return event


@transaction.atomic
def update_event(
    *,
    event: Event,
    name: str,
    code: str,
    timezone: str,
    series_name: str = "",
    tables: int | None = None,
    online_rooms: int | None = None,
    match_across_groups: bool = False,
) -> Event:
    """Change an event's settings; times stay the same instants, shown in the new time zone."""
    event.series = Series.objects.get_or_create(name=series_name)[0] if series_name else None
    event.name = name
    event.code = code or event.code
    event.timezone = timezone
    event.tables = tables
    event.online_rooms = online_rooms
    event.match_across_groups = match_across_groups
    event.save()
    return event
