"""Creating an event (by hand or from an event file) and its dashboard."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from matchfair.core import FormatError, FormatIssue, parse_event
from matchfair.web.accounts.rules import can_create_events
from matchfair.web.directory.domain.identity import standing_of
from matchfair.web.events.colours import DEFAULT_ACCENT
from matchfair.web.events.domain.events import create_event, update_event
from matchfair.web.events.domain.slugs import SlugTakenError
from matchfair.web.events.forms import EventFileForm, EventForm
from matchfair.web.events.models import Event
from matchfair.web.events.rules import event_reader_required, organizer_required
from matchfair.web.exchange.to_database import import_event
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.queries import runs_of
from matchfair.web.meetings.queries import unplaced_requests
from matchfair.web.outbox.queries import state_counts


def _require_creator(request: HttpRequest) -> None:
    if not can_create_events(request.user):
        raise PermissionDenied


@login_required
def new_event(request: HttpRequest) -> HttpResponse:
    _require_creator(request)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event = create_event(
                name=data["name"],
                code=data["code"],
                series_name=data["series"],
                timezone=data["timezone"],
                tables=data["tables"],
                online_rooms=data["online_rooms"],
                match_across_groups=data["match_across_groups"],
                accent_colour=data["accent_colour"] or DEFAULT_ACCENT,
                organizer=request.user,
            )
        except SlugTakenError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, _("Event created. Add its sessions next."))
            return redirect("orga:event", event_id=event.pk)
    return render(
        request, "orga/events/new_event.html", {"form": form, "file_form": EventFileForm()}
    )


def _read_upload(upload: UploadedFile) -> object:
    try:
        return json.loads(upload.read().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FormatError(
            upload.name, [FormatIssue("", _("not a JSON file: %s") % error)]
        ) from None


@login_required
def import_event_file(request: HttpRequest) -> HttpResponse:
    """A new event from an event file; every problem of the file listed with its JSON path."""
    _require_creator(request)
    form = EventFileForm(request.POST or None, request.FILES or None)
    issues: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            document = parse_event(_read_upload(upload), upload.name)
        except FormatError as error:
            issues = str(error).splitlines()
        else:
            event = import_event(
                document, organizers=[request.user], standing=standing_of(request.user)
            )
            messages.success(request, _("Event imported as %(slug)s.") % {"slug": event.code})
            return redirect("orga:event", event_id=event.pk)
    return render(
        request,
        "orga/events/new_event.html",
        {"form": EventForm(), "file_form": form, "issues": issues},
    )


@organizer_required
def event_settings(request: HttpRequest, event: Event) -> HttpResponse:
    initial = {
        "name": event.name,
        "code": event.code,
        "series": event.series.name if event.series else "",
        "timezone": event.timezone,
        "tables": event.tables,
        "online_rooms": event.online_rooms,
        "match_across_groups": event.match_across_groups,
        "accent_colour": event.accent_colour,
    }
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update_event(
                event=event,
                name=data["name"],
                code=data["code"],
                series_name=data["series"],
                timezone=data["timezone"],
                tables=data["tables"],
                online_rooms=data["online_rooms"],
                match_across_groups=data["match_across_groups"],
                accent_colour=data["accent_colour"] or None,
            )
        except SlugTakenError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, _("Event settings saved."))
            return redirect("orga:event", event_id=event.pk)
    return render(request, "orga/events/settings.html", {"event": event, "form": form})


@event_reader_required
def dashboard(request: HttpRequest, event: Event) -> HttpResponse:
    counts = {
        "organizations": event.participations.count(),
        "opportunities": event.opportunities.count(),
    }
    meeting_counts = event.meetings.aggregate(
        total=Count("id"), published=Count("id", filter=Q(published=True))
    )
    request_counts = event.requests.aggregate(
        total=Count("id"),
        accepted=Count("id", filter=Q(status="accepted")),
        mandatory=Count("id", filter=Q(mandatory=True)),
    )
    return render(
        request,
        "orga/events/dashboard.html",
        {
            "event": event,
            "counts": counts,
            "meeting_counts": meeting_counts,
            "request_counts": request_counts,
            # Accepted requests on no agenda, as the schedule page lists them: the run's
            # own list also holds the requests nobody accepted, and misses those
            # accepted after it.
            "unscheduled": len(unplaced_requests(event)),
            "sessions": event.sessions.all(),
            "jobs": runs_of(event)[:5],
            "job_kinds": Job.Kind.choices,
            "mail_counts": state_counts(event),
        },
    )
