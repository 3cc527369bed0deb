"""The event's interpreters: the list, adding one, editing its id, languages and available
times, and deleting one after a page that says what it would change."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matchfair.web import dates
from matchfair.web.directory.languages import language_name
from matchfair.web.events.models import Event, Interpreter
from matchfair.web.events.rules import organizer_required
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
    rows = [
        (row, [(code, language_name(code)) for code in row.interpreter.languages])
        for row in interpreter_rows(event)
    ]
    return render(request, "orga/interpreters/list.html", {"event": event, "rows": rows})


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
