"""``matchfair report``: an event's figures as JSON, or its report as an HTML page or a PDF.

SOURCE is an event file (its optional ``meetings`` and ``outcomes`` give the meeting
and agreement figures) or an event in the database, named by its slug (the ``event.id``
of its file, as ``matchfair import`` printed it) or by its database number. A file needs no database: Django is then set up for template
rendering alone.
"""

import json
import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from matchfair.cli.app import UserError, app
from matchfair.core import Event, read_event, write_atomically
from matchfair.i18n import gettext as _
from matchfair.outcomes import (
    MissingRateError,
    RateTable,
    event_figures,
    figures_document,
    read_rates,
)

DATABASE_REFERENCE = re.compile(r"[\w-]+")
"""A slug or a database number; a file name has a dot or a slash, or exists."""


class ReportFormat(StrEnum):
    json = "json"
    html = "html"
    pdf = "pdf"


class ReportLanguageCode(StrEnum):
    en = "en"
    zh = "zh"
    de = "de"
    fr = "fr"


def _database_event(reference: str) -> Event:
    """The event of the database as an event file, through the web platform's own export."""
    from matchfair.web.boot import DatabaseUnavailableError, start_django

    try:
        start_django()
    except DatabaseUnavailableError as error:
        raise UserError(_("cannot use the database {where}").format(where=error)) from None
    from matchfair.web.events.domain.slugs import event_by_slug_or_number
    from matchfair.web.exchange.errors import StoredDataError
    from matchfair.web.exchange.from_database import export_event

    stored = event_by_slug_or_number(reference)
    if stored is None:
        raise UserError(_("there is no event with id {id}").format(id=reference))
    try:
        return export_event(stored)
    except StoredDataError as error:
        raise UserError(str(error)) from None


def _names_stored_event(source: str) -> bool:
    """A source that names no file and reads as a slug or a number names a stored event."""
    return bool(DATABASE_REFERENCE.fullmatch(source)) and not Path(source).exists()


def _load(source: str) -> Event:
    """An existing file is read as an event file; a slug or number that names no file, a stored event."""
    if _names_stored_event(source):
        return _database_event(source)
    from matchfair.web.reports.standalone import configure_for_reports

    event = read_event(source)
    configure_for_reports()
    return event


def _write_atomically(path: Path, content: bytes) -> None:
    """Replace ``path`` in one step; a missing or unwritable folder is named as the user gave it."""
    try:
        write_atomically(path, content)
    except OSError as error:
        raise UserError(f"{path}: {error.strerror or error}") from None


def _render(
    event: Event, output_format: ReportFormat, language: str, rates: RateTable | None
) -> bytes:
    if output_format is ReportFormat.json:
        document = figures_document(event_figures(event), rates)
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
    from matchfair.web.languages import report_language
    from matchfair.web.reports.rendering import report_html, report_pdf

    if output_format is ReportFormat.html:
        return report_html(event, report_language(language), rates).encode()
    return report_pdf(event, report_language(language), rates)


@app.command()
def report(
    source: Annotated[
        str,
        typer.Argument(help=_("An event file, or an event in the database: its slug or number.")),
    ],
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help=_("json, html or pdf."))
    ] = ReportFormat.json,
    language: Annotated[
        ReportLanguageCode,
        typer.Option("--lang", "-l", help=_("Language of an HTML or PDF report.")),
    ] = ReportLanguageCode.en,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=_("File to write (default: print)."))
    ] = None,
    rates: Annotated[
        Path | None,
        typer.Option("--rates", help=_("Exchange-rate table (JSON) for the investment total.")),
    ] = None,
) -> None:
    """Print or write an event's figures (JSON) or its report (HTML, PDF)."""
    if output_format is ReportFormat.pdf and output is None:
        raise UserError(_("a PDF report needs an output file: add -o report.pdf"))
    table = read_rates(rates) if rates is not None else None
    event = _load(source)
    try:
        content = _render(event, output_format, language.value, table)
    except MissingRateError as error:
        raise UserError(f"{rates}: {error}") from None
    if output is None:
        typer.echo(content.decode(), nl=False)
    else:
        _write_atomically(output, content)
