"""One organization's agenda: its meetings and the agenda items it signed up for, in time order.

The participant page and the printable PDF show the same agenda, built here once.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import AgendaItem
from matchfair.web.meetings.models import Meeting
from matchfair.web.meetings.rooms import room_link


@dataclass(frozen=True)
class AgendaEntry:
    start: datetime
    end: datetime
    title: str
    place: str
    link: str = ""
    interpreter: str = ""
    partner: Participation | None = None


def organization_agenda(
    participation: Participation, *, published_only: bool = True
) -> list[AgendaEntry]:
    """Meetings (published ones, unless the organizer previews drafts) and signed-up items."""
    meetings = (
        Meeting.objects.filter(Q(a=participation) | Q(b=participation))
        .select_related("a__organization", "b__organization", "interpreter")
        .order_by("start")
    )
    if published_only:
        meetings = meetings.filter(published=True)
    entries = []
    for meeting in meetings:
        partner = meeting.b if meeting.a_id == participation.pk else meeting.a
        entries.append(
            AgendaEntry(
                start=meeting.start,
                end=meeting.end,
                title=partner.organization.name,
                place=meeting.location or "",
                link=room_link(meeting) if meeting.online else "",
                interpreter=meeting.interpreter.code if meeting.interpreter else "",
                partner=partner,
            )
        )
    items = AgendaItem.objects.filter(signups__participation=participation)
    entries += [
        AgendaEntry(start=item.start, end=item.end, title=item.title, place=item.place)
        for item in items
    ]
    return sorted(entries, key=lambda entry: entry.start)
