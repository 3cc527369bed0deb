"""The organizer's side of messaging: the switch, and the messages participants reported.

The organizer reads no conversation; a reported message is shown with its author and
the reporter's reason, and the organizer hides it (from both sides) or keeps it.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.talk.domain.reports import decide_report
from matchfair.web.talk.domain.switch import messaging_enabled, switch_messaging
from matchfair.web.talk.forms import SwitchForm
from matchfair.web.talk.rules import reported_messages

PAGE_SIZE = 50


@organizer_required
def reported(request: HttpRequest, event: Event) -> HttpResponse:
    form = SwitchForm(
        request.POST if request.method == "POST" else None,
        initial={"enabled": messaging_enabled(event)},
    )
    if request.method == "POST" and form.is_valid():
        enabled = form.cleaned_data["enabled"]
        switch_messaging(event=event, enabled=enabled)
        messages.success(
            request,
            _("Participants may write to each other.")
            if enabled
            else _("Messaging is switched off: participants can read but not write."),
        )
        return redirect("orga:reported_messages", event.pk)
    page = Paginator(reported_messages(request.user, event), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "orga/messages/reported.html",
        {"event": event, "form": form, "reports": page, "page": page},
    )


@require_POST
@organizer_required
def decide(request: HttpRequest, event: Event, report_id: int) -> HttpResponse:
    report = get_object_or_404(reported_messages(request.user, event), pk=report_id)
    hide = request.POST.get("decision") == "hide"
    decide_report(report=report, hide=hide)
    messages.success(
        request, _("The message is hidden.") if hide else _("The message stays visible.")
    )
    return redirect("orga:reported_messages", event.pk)
