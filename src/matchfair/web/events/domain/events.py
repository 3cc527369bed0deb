"""Creating an event (an edition, in its series) and changing its settings."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from matchfair.web.audit.services import record
from matchfair.web.events.colours import DEFAULT_ACCENT
from matchfair.web.events.domain.slugs import check_slug_free, create_with_slug, name_slug
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
    accent_colour: str = DEFAULT_ACCENT,
) -> Event:
    """A new edition, organized by ``organizer``, in the named series (created when new).

    An empty ``code`` becomes a free slug made from the name; a typed one must be free.
    """
    series = Series.objects.get_or_create(name=series_name)[0] if series_name else None
    event = create_with_slug(
        base=code or name_slug(name),
        typed=bool(code),
        series=series,
        name=name,
        timezone=timezone,
        tables=tables,
        online_rooms=online_rooms,
        match_across_groups=match_across_groups,
        accent_colour=accent_colour,
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
    accent_colour: str | None = None,
) -> Event:
    """Change an event's settings; times stay the same instants, shown in the new time zone.

    A new event id (slug) must be free, and its change is audited: scripts name the
    event by it, so whoever finds theirs broken can see who changed it and when.
    """
    old_code = event.code
    if code and code != old_code:
        check_slug_free(code, exclude=event)
    event.series = Series.objects.get_or_create(name=series_name)[0] if series_name else None
    event.name = name
    event.code = code or event.code
    event.timezone = timezone
    event.tables = tables
    event.online_rooms = online_rooms
    event.match_across_groups = match_across_groups
    if accent_colour is not None:
        event.accent_colour = accent_colour
    try:
        with transaction.atomic():
            event.save()
    except IntegrityError:
        # Another event took the slug between the check and the save.
        check_slug_free(event.code, exclude=event)
        raise
    if event.code != old_code:
        record(
            event,
            "event.slug_changed",
            event,
            _("Event id changed from %(old)s to %(new)s") % {"old": old_code, "new": event.code},
            detail={"old": old_code, "new": event.code},
        )
    return event
