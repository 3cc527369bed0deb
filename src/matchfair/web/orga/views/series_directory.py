"""The series directory: every organization of every edition, searched by meaning."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from matchfair.web.directory.forms import SeriesDirectoryForm
from matchfair.web.directory.series_directory import index_state, search_directory
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.jobs.models import Job


@organizer_required
def series_directory(request: HttpRequest, event: Event) -> HttpResponse:
    """Search the series' directory, or see who of earlier editions fits this event."""
    form = SeriesDirectoryForm(request.GET or None)
    entries = []
    if event.series is not None and (not form.is_bound or form.is_valid()):
        filters = form.cleaned_data if form.is_bound else {}
        entries = search_directory(
            event=event,
            query=filters.get("q", ""),
            country=filters.get("country", ""),
            returning=filters.get("returning", False),
        )
    return render(
        request,
        "orga/directory/series_directory.html",
        {
            "event": event,
            "form": form,
            "entries": entries,
            "searched": form.is_bound and bool(form.cleaned_data.get("q")),
            "index": index_state(event.series) if event.series is not None else None,
            "job_kind": Job.Kind.SERIES_DIRECTORY,
        },
    )
