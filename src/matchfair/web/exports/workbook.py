"""The event as an Excel workbook: organizations, opportunities, requests and meetings.

Text that starts like a formula (``=``, ``+``, ``-``, ``@``) is written as text, so a
participant's profile can never run as a formula on the organizer's computer.

A large event (100,000 organizations, several hundred thousand meetings) is written
row by row: openpyxl's write-only mode keeps no sheet in memory, and the rows are
read in chunks (``iterator``), so the cells never sit in memory, whatever the event's
size: the sheets go to disk as they are written, and only the packed file is answered.
"""

from collections.abc import Iterable, Iterator
from typing import BinaryIO
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.directory.spreadsheets.windows import format_windows
from matchfair.web.events.models import Event, Interpreter
from matchfair.web.meetings.models import Meeting, MeetingRequest

CHUNK_SIZE = 2000
"""Rows read from the database at a time."""

FORMULA_STARTS = ("=", "+", "-", "@")


def _cells(sheet: WriteOnlyWorksheet, values: Iterable[object]) -> list[object]:
    """The row's values, where text that looks like a formula is a cell forced to text."""
    row: list[object] = []
    for value in values:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    return row


def _sheet(
    workbook: Workbook, title: str, headers: list[str], rows: Iterator[Iterable[object]]
) -> None:
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    sheet.append(_cells(sheet, headers))
    for values in rows:
        sheet.append(_cells(sheet, values))


def _organizations(event: Event) -> Iterator[list[object]]:
    zone = ZoneInfo(event.timezone)
    participations = (
        Participation.objects.filter(event=event)
        .select_related("organization")
        .prefetch_related("organization__delegates__user")
    )
    for p in participations.iterator(chunk_size=CHUNK_SIZE):
        # The columns the spreadsheet import reads back as contacts (``spreadsheets.contacts``).
        people = [delegate.user for delegate in p.organization.delegates.all()]
        yield [
            p.code,
            p.organization.name,
            p.organization.country,
            p.organization.kind,
            "; ".join(p.sectors),
            ", ".join(p.languages),
            p.attendance,
            p.delegates,
            p.group or "",
            p.description or "",
            format_windows(p.availability, zone),
            "; ".join(user.get_full_name() or user.email for user in people),
            "; ".join(user.email for user in people),
        ]


def _opportunities(event: Event) -> Iterator[list[object]]:
    opportunities = Opportunity.objects.filter(event=event).select_related("participation")
    for o in opportunities.iterator(chunk_size=CHUNK_SIZE):
        yield [
            o.code,
            o.participation.code,
            o.kind,
            o.type,
            o.title,
            o.description or "",
            "; ".join(o.sectors),
        ]


def _requests(event: Event) -> Iterator[list[object]]:
    requests = MeetingRequest.objects.filter(event=event).select_related("requester", "recipient")
    for r in requests.iterator(chunk_size=CHUNK_SIZE):
        yield [
            r.requester.code,
            r.recipient.code,
            r.weight,
            r.status,
            r.mandatory,
            ", ".join(r.sessions or []),
        ]


def _meetings(event: Event) -> Iterator[list[object]]:
    zone = ZoneInfo(event.timezone)
    meetings = Meeting.objects.filter(event=event).select_related(
        "a__organization", "b__organization", "session", "interpreter"
    )
    for m in meetings.iterator(chunk_size=CHUNK_SIZE):
        yield [
            m.start.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            m.end.astimezone(zone).strftime("%H:%M"),
            m.session.code,
            m.location or "",
            m.online,
            m.a.organization.name,
            m.b.organization.name,
            m.interpreter.code if m.interpreter else "",
            m.published,
        ]


def _interpreters(event: Event) -> Iterator[list[object]]:
    zone = ZoneInfo(event.timezone)
    for i in Interpreter.objects.filter(event=event).iterator(chunk_size=CHUNK_SIZE):
        yield [i.code, ", ".join(i.languages), format_windows(i.availability, zone)]


def write_event_workbook(event: Event, target: BinaryIO) -> None:
    """Write the event's workbook into ``target`` (a file opened for binary writing)."""
    workbook = Workbook(write_only=True)
    _sheet(
        workbook,
        _("Organizations"),
        [
            _("Organization id"),
            _("Organization name"),
            _("Country"),
            _("Kind"),
            _("Sectors"),
            _("Languages"),
            _("Attendance"),
            _("Parallel meetings"),
            _("Group"),
            _("Profile"),
            _("Available times"),
            _("Contact person"),
            _("Contact e-mail"),
        ],
        _organizations(event),
    )
    _sheet(
        workbook,
        _("Opportunities"),
        [
            _("Opportunity id"),
            _("Organization id"),
            _("Offer or request"),
            _("Opportunity type"),
            _("Opportunity title"),
            _("Opportunity description"),
            _("Opportunity sectors"),
        ],
        _opportunities(event),
    )
    _sheet(
        workbook,
        _("Requests"),
        [_("From"), _("To"), _("Weight"), _("Status"), _("Tailor-made"), _("Sessions")],
        _requests(event),
    )
    _sheet(
        workbook,
        _("Meetings"),
        [
            _("Start"),
            _("End"),
            _("Session"),
            _("Table"),
            _("Online"),
            _("Organization"),
            _("Partner"),
            _("Interpreter"),
            _("Published"),
        ],
        _meetings(event),
    )
    _sheet(
        workbook,
        _("Interpreters"),
        [_("Interpreter id"), _("Languages"), _("Available times")],
        _interpreters(event),
    )
    workbook.save(target)
