"""Printable PDFs: an agenda per organization and the table plan of the venue.

WeasyPrint lays out HTML with the system's fonts; the font stack names Noto CJK
(Debian's fonts-noto-cjk) after the Latin faces, and each name is tagged with the
language its script suggests, so Chinese, Japanese and European names all print
with their own glyphs rather than boxes or the wrong regional forms.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.queries import AgendaEntry, locations, meetings_at, organization_agenda


@dataclass(frozen=True)
class AgendaPage:
    participation: Participation
    entries: list[AgendaEntry]


def _pdf(template: str, context: dict[str, object], event: Event, zone: str | None = None) -> bytes:
    zone = zone or event.timezone
    with timezone.override(zone):
        html = render_to_string(
            template,
            {
                **context,
                "event": event,
                "zone": zone,
                "language": translation.get_language(),
            },
        )
    return HTML(string=html).write_pdf()


def agendas_pdf(
    event: Event, participations: list[Participation], *, drafts: bool, zone: str | None = None
) -> bytes:
    """One page (or more) per organization: its meetings and signed-up agenda items.

    Times are printed in ``zone``, the event's time zone by default: the venue's
    printed agendas share the clock on the wall, a participant's own copy follows
    the time zone it chose, like its agenda page.
    """
    pages = [
        AgendaPage(p, organization_agenda(p, published_only=not drafts)) for p in participations
    ]
    return _pdf("exports/agendas.html", {"pages": pages, "drafts": drafts}, event, zone)


def table_plan_pdf(event: Event) -> bytes:
    """One page per table (and one for online meetings): who sits there, slot by slot."""
    plan = [(name, list(meetings_at(event, name))) for name in locations(event)]
    return _pdf("exports/table_plan.html", {"plan": plan}, event)
