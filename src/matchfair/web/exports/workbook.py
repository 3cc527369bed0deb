"""The event as an Excel workbook: organizations, opportunities, requests and meetings.

Text that starts like a formula (``=``, ``+``, ``-``, ``@``) is written as text, so a
participant's profile can never run as a formula on the organizer's computer.
"""

import io
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting, MeetingRequest


def _append(sheet: Worksheet, values: Iterable[object]) -> None:
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def _sheet(workbook: Workbook, title: str, headers: list[str]) -> Worksheet:
    sheet = workbook.create_sheet(title)
    _append(sheet, headers)
    sheet.freeze_panes = "A2"
    return sheet


def event_workbook(event: Event) -> bytes:
    zone = ZoneInfo(event.timezone)
    workbook = Workbook()
    workbook.remove(workbook.active)
    organizations = _sheet(
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
        ],
    )
    for p in Participation.objects.filter(event=event).select_related("organization"):
        _append(
            organizations,
            [
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
            ],
        )
    opportunities = _sheet(
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
    )
    for o in Opportunity.objects.filter(event=event).select_related("participation"):
        _append(
            opportunities,
            [
                o.code,
                o.participation.code,
                o.kind,
                o.type,
                o.title,
                o.description or "",
                "; ".join(o.sectors),
            ],
        )
    requests = _sheet(
        workbook,
        _("Requests"),
        [_("From"), _("To"), _("Weight"), _("Status"), _("Tailor-made"), _("Sessions")],
    )
    for r in MeetingRequest.objects.filter(event=event).select_related("requester", "recipient"):
        _append(
            requests,
            [
                r.requester.code,
                r.recipient.code,
                r.weight,
                r.status,
                r.mandatory,
                ", ".join(r.sessions or []),
            ],
        )
    meetings = _sheet(
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
    )
    for m in Meeting.objects.filter(event=event).select_related(
        "a__organization", "b__organization", "session", "interpreter"
    ):
        _append(
            meetings,
            [
                m.start.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                m.end.astimezone(zone).strftime("%H:%M"),
                m.session.code,
                m.location or "",
                m.online,
                m.a.organization.name,
                m.b.organization.name,
                m.interpreter.code if m.interpreter else "",
                m.published,
            ],
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
