"""Creating events, their sessions and agenda items, and signing up for agenda items.

Session times are checked with the same rules as the event file (``core.Session``),
so a session created on a page can always be written to a file and scheduled.
"""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from pydantic import ValidationError

from matchfair import core
from matchfair.web.directory.models import Participation
from matchfair.web.events.core_sessions import session_from_row
from matchfair.web.events.models import AgendaItem, Event, Series, Session, SignUp


class EventRuleError(ValueError):
    """A request that breaks a rule of the event (a full agenda item, a session without slots)."""


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


def checked_session(
    *, code: str, start: datetime, end: datetime, slot_minutes: int, gap_minutes: int, mode: str
) -> core.Session:
    """The session as the scheduler sees it; refused when its times give no slot."""
    try:
        return session_from_row(
            Session(
                code=code,
                start=start,
                end=end,
                slot_minutes=slot_minutes,
                gap_minutes=gap_minutes,
                mode=mode,
            )
        )
    except ValidationError as error:
        raise EventRuleError("; ".join(e["msg"] for e in error.errors())) from None


def add_session(
    event: Event,
    *,
    code: str,
    start: datetime,
    end: datetime,
    slot_minutes: int,
    gap_minutes: int = 0,
    mode: str = Session.Mode.HYBRID,
) -> Session:
    """A meeting session; refused when its times give no slot or its id is taken."""
    checked_session(
        code=code,
        start=start,
        end=end,
        slot_minutes=slot_minutes,
        gap_minutes=gap_minutes,
        mode=mode,
    )
    if Session.objects.filter(event=event, code=code).exists():
        raise EventRuleError(_("A session with the id “%(code)s” exists already.") % {"code": code})
    position = Session.objects.filter(event=event).count()
    return Session.objects.create(
        event=event,
        code=code,
        start=start,
        end=end,
        slot_minutes=slot_minutes,
        gap_minutes=gap_minutes,
        mode=mode,
        position=position,
    )


def add_agenda_item(
    event: Event,
    *,
    kind: str,
    title: str,
    start: datetime,
    end: datetime,
    place: str = "",
    capacity: int | None = None,
    description: str = "",
) -> AgendaItem:
    if end <= start:
        raise EventRuleError(_("The item must end after it starts."))
    return AgendaItem.objects.create(
        event=event,
        kind=kind,
        title=title,
        start=start,
        end=end,
        place=place,
        capacity=capacity,
        description=description,
    )


@transaction.atomic
def sign_up(item: AgendaItem, participation: Participation) -> SignUp:
    """Sign an organization up, unless the item is full or belongs to another event."""
    if participation.event_id != item.event_id:
        raise EventRuleError(_("This organization does not take part in the event."))
    locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if SignUp.objects.filter(item=locked, participation=participation).exists():
        raise EventRuleError(_("Already signed up."))
    if locked.capacity is not None and locked.signups.count() >= locked.capacity:
        raise EventRuleError(_("“%(title)s” is full.") % {"title": locked.title})
    return SignUp.objects.create(item=locked, participation=participation)


def cancel_sign_up(item: AgendaItem, participation: Participation) -> None:
    SignUp.objects.filter(item=item, participation=participation).delete()


@transaction.atomic
def update_event(
    event: Event,
    *,
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
