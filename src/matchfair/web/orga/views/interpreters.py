"""The event's interpreters: the list, adding one, editing its id, languages and available
times, and deleting one after a page that says what it would change."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from matchfair.web import dates
from matchfair.web.directory.forms import SpreadsheetForm
from matchfair.web.directory.languages import language_name
from matchfair.web.directory.spreadsheets.importing import SpreadsheetImportError
from matchfair.web.directory.spreadsheets.reading import SpreadsheetError, read_table
from matchfair.web.events.models import Event, Interpreter
from matchfair.web.events.rules import organizer_required
from matchfair.web.exchange.interpreter_sheet import import_interpreters
from matchfair.web.meetings.domain.interpreters import (
    InterpreterRuleError,
    add_interpreter,
    assignments,
    change_interpreter,
    delete_interpreter,
    deletion_blocker,
)
from matchfair.web.meetings.forms import AvailabilityForm, InterpreterForm
from matchfair.web.meetings.queries import interpreter_rows


@organizer_required
def interpreter_list(request: HttpRequest, event: Event) -> HttpResponse:
    return _list_page(request, event, SpreadsheetForm(), [])


def _list_page(
    request: HttpRequest,
    event: Event,
    upload: SpreadsheetForm,
    issues: list[str],
    status: int = 200,
) -> HttpResponse:
    rows = [
        (row, [(code, language_name(code)) for code in row.interpreter.languages])
        for row in interpreter_rows(event)
    ]
    context = {"event": event, "rows": rows, "upload": upload, "issues": issues}
    return render(request, "orga/interpreters/list.html", context, status=status)


@organizer_required
@require_POST
def import_sheet(request: HttpRequest, event: Event) -> HttpResponse:
    """Add or change interpreters from a sheet like the workbook's "Interpreters" sheet."""
    form = SpreadsheetForm(request.POST, request.FILES)
    issues: list[str] = []
    if form.is_valid():
        file = form.cleaned_data["file"]
        try:
            summary = import_interpreters(event, read_table(file.name, file.read()))
        except SpreadsheetError as error:
            form.add_error("file", str(error))
        except SpreadsheetImportError as error:
            issues = [str(issue) for issue in error.issues]
        else:
            messages.success(
                request,
                _("Interpreters added: %(added)d; changed: %(changed)d.")
                % {"added": summary.added, "changed": summary.changed},
            )
            return redirect("orga:interpreters", event_id=event.pk)
    return _list_page(request, event, form, issues, status=400)


def _form_page(request: HttpRequest, event: Event, interpreter: Interpreter | None) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    initial = (
        {"code": interpreter.code, "languages": ", ".join(interpreter.languages)}
        if interpreter
        else {}
    )
    form = InterpreterForm(data, initial=initial)
    times = AvailabilityForm(event, interpreter.availability if interpreter else None, data)
    if data is not None and form.is_valid() and times.is_valid():
        values = {**form.cleaned_data, "availability": times.availability()}
        try:
            if interpreter is None:
                add_interpreter(event=event, **values)
                dropped = 0
            else:
                dropped = change_interpreter(interpreter=interpreter, **values)
        except InterpreterRuleError as error:
            for field, problems in error.errors.items():
                for message in problems:
                    target = times if field == "availability" else form
                    target.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, _("Interpreter saved."))
            if dropped:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)d draft meeting has no interpreter now; run the scheduler "
                        "again to assign one.",
                        "%(count)d draft meetings have no interpreter now; run the scheduler "
                        "again to assign one.",
                        dropped,
                    )
                    % {"count": dropped},
                )
            return redirect("orga:interpreters", event_id=event.pk)
    return render(
        request,
        "orga/interpreters/edit.html",
        {
            "event": event,
            "interpreter": interpreter,
            "form": form,
            "times": times,
            "reader_zone_name": dates.zone_label(),
        },
    )


@organizer_required
def new_interpreter(request: HttpRequest, event: Event) -> HttpResponse:
    return _form_page(request, event, None)


@organizer_required
def edit_interpreter(request: HttpRequest, event: Event, interpreter_id: int) -> HttpResponse:
    return _form_page(
        request, event, get_object_or_404(Interpreter, pk=interpreter_id, event=event)
    )


@organizer_required
def remove_interpreter(request: HttpRequest, event: Event, interpreter_id: int) -> HttpResponse:
    interpreter = get_object_or_404(Interpreter, pk=interpreter_id, event=event)
    if request.method == "POST":
        try:
            dropped = delete_interpreter(interpreter=interpreter)
        except InterpreterRuleError as error:
            messages.error(request, str(error))
            return redirect(
                "orga:delete_interpreter", event_id=event.pk, interpreter_id=interpreter.pk
            )
        messages.success(request, _("Interpreter %(code)s deleted.") % {"code": interpreter.code})
        if dropped:
            messages.warning(
                request,
                ngettext(
                    "%(count)d draft meeting has no interpreter now; run the scheduler again "
                    "to assign one.",
                    "%(count)d draft meetings have no interpreter now; run the scheduler again "
                    "to assign one.",
                    dropped,
                )
                % {"count": dropped},
            )
        return redirect("orga:interpreters", event_id=event.pk)
    published, drafts = assignments(interpreter)
    blocker = deletion_blocker(interpreter, published)
    consequences = (
        [
            ngettext(
                "%(count)d draft meeting loses its interpreter.",
                "%(count)d draft meetings lose their interpreter.",
                drafts,
            )
            % {"count": drafts}
        ]
        if drafts
        else []
    )
    return render(
        request,
        "orga/events/confirm_delete.html",
        {
            "event": event,
            "heading": _("Delete interpreter %(code)s?") % {"code": interpreter.code},
            "blockers": [blocker] if blocker else [],
            "consequences": consequences,
            "back_url": "orga:edit_interpreter",
            "object_id": interpreter.pk,
        },
    )
