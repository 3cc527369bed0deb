"""The organizer's downloads: event file, schedule file, Excel workbook, PDF agendas, table plan."""

import json
import tempfile

from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from matchfair.core import dump_document
from matchfair.web.audit.access_log import EVENT_FILE, WORKBOOK, record_export
from matchfair.web.directory.queries import participations_of
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.exchange.from_database import export_event, export_schedule
from matchfair.web.exports.printing import agendas_pdf, table_plan_pdf
from matchfair.web.exports.workbook import write_event_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    """A file to save; Django quotes or encodes its name, whatever characters an id holds."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _json(document: dict[str, object]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()


@organizer_required
def event_file(request: HttpRequest, event: Event) -> HttpResponse:
    """The event file, with every delegate's name and e-mail: the access log notes it."""
    content = _json(dump_document(export_event(event)))
    record_export(event=event, action=EVENT_FILE)
    return _download(content, f"{event.code}.json", "application/json")


@organizer_required
def schedule_file(request: HttpRequest, event: Event) -> HttpResponse:
    return _download(
        _json(dump_document(export_schedule(event))),
        f"{event.code}-schedule.json",
        "application/json",
    )


@organizer_required
def workbook(request: HttpRequest, event: Event) -> HttpResponse:
    """The workbook, written row by row to a temporary file: only the packed file is held.

    The file, not a stream of it, is answered, so that a response nobody reads to the
    end (a test, a dropped connection) leaves no open file behind.
    """
    with tempfile.TemporaryFile() as content:
        write_event_workbook(event, content)
        record_export(event=event, action=WORKBOOK)
        content.seek(0)
        return _download(content.read(), f"{event.code}.xlsx", XLSX)


@organizer_required
def all_agendas(request: HttpRequest, event: Event) -> HttpResponse:
    """Every organization's agenda; drafts included while the schedule is unpublished."""
    participations = list(participations_of(event))
    drafts = request.GET.get("drafts") == "1"
    return _download(
        agendas_pdf(event, participations, drafts=drafts),
        f"{event.code}-agendas.pdf",
        "application/pdf",
    )


@organizer_required
def table_plan(request: HttpRequest, event: Event) -> HttpResponse:
    return _download(table_plan_pdf(event), f"{event.code}-tables.pdf", "application/pdf")
