"""Adding sessions and agenda items to an event's programme, and changing agenda items.

Session times are checked with the same rules as the event file (``core.Session``),
so a session created on a page can always be written to a file and scheduled.
Changing or deleting a session touches the meetings placed in it: that rule lives
with the meetings (``meetings.domain.sessions``).
"""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pydantic import ValidationError

from matchfair import core
from matchfair.web.audit.services import record
from matchfair.web.events.core_sessions import session_from_row
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.models import AgendaItem, Event, Session


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
    *,
    event: Event,
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
    *,
    event: Event,
    kind: str,
    title: str,
    start: datetime,
    end: datetime,
    place: str = "",
    capacity: int | None = None,
    description: str = "",
) -> AgendaItem:
    """A talk, visit or reception of the programme; refused when it ends before it starts."""
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
def change_agenda_item(
    *,
    item: AgendaItem,
    kind: str,
    title: str,
    start: datetime,
    end: datetime,
    place: str = "",
    capacity: int | None = None,
    description: str = "",
) -> AgendaItem:
    """Change an agenda item; its capacity cannot drop below the organizations signed up."""
    if end <= start:
        raise EventRuleError(_("The item must end after it starts."))
    locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
    signed_up = locked.signups.count()
    if capacity is not None and capacity < signed_up:
        raise EventRuleError(
            ngettext(
                "%(count)d organization is signed up already: the capacity cannot be lower.",
                "%(count)d organizations are signed up already: the capacity cannot be lower.",
                signed_up,
            )
            % {"count": signed_up}
        )
    before = f"{locked.title} {locked.start.isoformat()}–{locked.end.isoformat()}"
    locked.kind, locked.title, locked.start, locked.end = kind, title, start, end
    locked.place, locked.capacity, locked.description = place, capacity, description
    locked.save()
    after = f"{locked.title} {locked.start.isoformat()}–{locked.end.isoformat()}"
    record(locked.event, "agenda-item.changed", locked, f"{before} → {after}")
    return locked


@transaction.atomic
def delete_agenda_item(*, item: AgendaItem) -> int:
    """Delete an agenda item with its sign-ups; returns how many organizations were signed up."""
    signed_up = item.signups.count()
    record(
        item.event,
        "agenda-item.deleted",
        item,
        f"{item.title} {item.start.isoformat()}; {signed_up} sign-ups removed",
    )
    item.delete()
    return signed_up
