"""The organizer cancels any request or meeting, cut-off or not, and reads every cancellation.

The writing and the rules are ``eventday.domain.cancellations``'s (the organizer is
``by=None``); the pages ask for the reason the sides will read.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from matchfair.web.eventday.cancelled import cancellations_in
from matchfair.web.eventday.domain.cancellations import (
    CancellationRuleError,
    cancel_meeting,
    request_refusal,
    withdraw_request,
)
from matchfair.web.eventday.forms import CancellationForm
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.site_url import site_url

PAGE_SIZE = 50


def _shown(form: CancellationForm, error: CancellationRuleError) -> None:
    form.add_error(error.field if error.field in form.fields else None, str(error))


@organizer_required
def cancel_meeting_page(request: HttpRequest, event: Event, meeting_id: int) -> HttpResponse:
    """Cancel a draft or published meeting, whenever it starts; both sides are told."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("a__organization", "b__organization", "event"),
        pk=meeting_id,
        event=event,
    )
    form = CancellationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cancel_meeting(
                meeting=meeting,
                by=None,
                user=request.user,
                reason=form.cleaned_data["reason"],
                site_url=site_url(request),
            )
        except CancellationRuleError as error:
            _shown(form, error)
        else:
            messages.success(request, _("The meeting is cancelled; both sides are told."))
            return redirect("orga:cancellations", event.pk)
    return render(
        request,
        "orga/eventday/cancel.html",
        {
            "event": event,
            "form": form,
            "a": meeting.a,
            "b": meeting.b,
            "meeting": meeting,
            "back": "orga:schedule",
        },
    )


@organizer_required
def cancel_request_page(request: HttpRequest, event: Event, request_id: int) -> HttpResponse:
    """Withdraw an open or accepted request not on the published schedule."""
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related(
            "requester__organization", "recipient__organization", "event"
        ),
        pk=request_id,
        event=event,
    )
    refusal = request_refusal(meeting_request=meeting_request, by=None)
    if refusal:
        messages.error(request, refusal)
        return redirect("orga:meeting_requests", event.pk)
    form = CancellationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            withdraw_request(
                meeting_request=meeting_request,
                by=None,
                user=request.user,
                reason=form.cleaned_data["reason"],
                site_url=site_url(request),
            )
        except CancellationRuleError as error:
            _shown(form, error)
        else:
            messages.success(request, _("The request is withdrawn; both sides are told."))
            return redirect("orga:cancellations", event.pk)
    return render(
        request,
        "orga/eventday/cancel.html",
        {
            "event": event,
            "form": form,
            "a": meeting_request.requester,
            "b": meeting_request.recipient,
            "meeting_request": meeting_request,
            "back": "orga:meeting_requests",
        },
    )


@organizer_required
def cancellation_list(request: HttpRequest, event: Event) -> HttpResponse:
    """Every withdrawn request and cancelled meeting: who, when, by whom and why."""
    page = Paginator(cancellations_in(event), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "orga/eventday/cancellations.html", {"event": event, "page": page})
