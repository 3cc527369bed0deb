"""Agendas as iCalendar files: a download per event and a private subscription per person.

Times are written in UTC, so every calendar program shows them in its user's own
time zone; each entry has a stable UID so that a subscribed calendar updates a moved
meeting instead of adding a second one.
"""

from datetime import UTC

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from matchfair.web.directory.models import Participation
from matchfair.web.meetings.queries import AgendaEntry, organization_agenda
from matchfair.web.outbox.domain.queueing import Attachment


def _entry(participation: Participation, entry: AgendaEntry, index: int) -> CalendarEvent:
    item = CalendarEvent()
    partner = entry.partner
    kind = f"meeting-{partner.pk}" if partner else f"item-{index}"
    item.add("uid", f"matchfair-{participation.event_id}-{participation.pk}-{kind}@matchfair")
    item.add("dtstart", entry.start.astimezone(UTC))
    item.add("dtend", entry.end.astimezone(UTC))
    item.add("dtstamp", timezone.now().astimezone(UTC))
    item.add(
        "summary",
        _("Meeting with %(name)s") % {"name": entry.title} if partner else entry.title,
    )
    if entry.place:
        item.add("location", entry.place)
    elif entry.link:
        item.add("location", entry.link)
    notes = [participation.event.name]
    if entry.link:
        notes.append(_("Online room: %(link)s") % {"link": entry.link})
        item.add("url", entry.link)
    if entry.interpreter:
        notes.append(_("Interpreter: %(name)s") % {"name": entry.interpreter})
    item.add("description", "\n".join(notes))
    return item


def agenda_calendar(participations: list[Participation]) -> bytes:
    """The published agendas of ``participations`` as one iCalendar file."""
    calendar = Calendar()
    calendar.add("prodid", "-//Matchfair//Agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Matchfair agenda"))
    for participation in participations:
        for index, entry in enumerate(organization_agenda(participation)):
            calendar.add_component(_entry(participation, entry, index))
    return calendar.to_ical()


def agenda_attachment(participation: Participation) -> Attachment:
    """The organization's published agenda as an .ics attachment (the agenda reminder's)."""
    return Attachment(
        filename=f"{participation.event.code}.ics",
        mimetype="text/calendar",
        content=agenda_calendar([participation]).decode("utf-8"),
    )
