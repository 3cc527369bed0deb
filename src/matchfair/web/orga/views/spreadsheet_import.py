"""Importing participants from Excel or CSV in two steps: upload, then map the columns."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext

from matchfair.web.directory.domain.identity import standing_of
from matchfair.web.directory.forms import MappingForm, SpreadsheetForm
from matchfair.web.directory.spreadsheets.importing import SpreadsheetImportError
from matchfair.web.directory.spreadsheets.mapping import guess_mapping
from matchfair.web.directory.spreadsheets.reading import SpreadsheetError, read_table
from matchfair.web.directory.spreadsheets.uploads import keep_upload, live_uploads, stored_table
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.exchange.spreadsheets import import_rows
from matchfair.web.site_url import site_url

PREVIEW_ROWS = 5


@organizer_required
def upload(request: HttpRequest, event: Event) -> HttpResponse:
    form = SpreadsheetForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            table = read_table(file.name, file.read())
        except SpreadsheetError as error:
            form.add_error("file", str(error))
        else:
            stored = keep_upload(event, request.user, file.name, table)
            return redirect("orga:spreadsheet_mapping", event_id=event.pk, upload_id=stored.pk)
    return render(request, "orga/directory/upload.html", {"event": event, "form": form})


@organizer_required
def mapping(request: HttpRequest, event: Event, upload_id: int) -> HttpResponse:
    stored = get_object_or_404(live_uploads(), pk=upload_id, event=event, uploaded_by=request.user)
    table = stored_table(stored)
    form = MappingForm(
        table.headers, request.POST or None, initial_mapping=guess_mapping(table.headers)
    )
    issues: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            summary = import_rows(
                event,
                table,
                form.mapping(),
                standing=standing_of(request.user),
                site_url=site_url(request),
            )
        except SpreadsheetImportError as error:
            issues = [str(issue) for issue in error.issues]
        else:
            stored.delete()
            messages.success(
                request,
                ngettext(
                    "Imported %(organizations)s and %(opportunities)d opportunity.",
                    "Imported %(organizations)s and %(opportunities)d opportunities.",
                    summary.opportunities,
                )
                % {
                    "organizations": ngettext(
                        "%(count)d organization", "%(count)d organizations", summary.organizations
                    )
                    % {"count": summary.organizations},
                    "opportunities": summary.opportunities,
                },
            )
            if summary.invitations:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d contact person was sent a link to choose a password.",
                        "%(count)d contact persons were sent a link to choose a password.",
                        summary.invitations,
                    )
                    % {"count": summary.invitations},
                )
            return redirect("orga:organizations", event_id=event.pk)
    return render(
        request,
        "orga/directory/mapping.html",
        {
            "event": event,
            "upload": stored,
            "form": form,
            "issues": issues,
            "row_count": len(table.rows),
            "headers": table.headers,
            "preview": [cells for _number, cells in table.rows[:PREVIEW_ROWS]],
        },
    )
