"""A participant withdraws a request or cancels a meeting, giving the other side a reason.

Each page shows what is being called off and asks for the reason; the rules and the
writing are ``eventday.domain.cancellations``'s. A request or meeting the rules no longer
let this side call off (the cut-off passed, a tailor-made meeting, done already) sends
the reader back to where they came from with the refusal, so no page offers what the
rules would refuse.
"""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain.cancellations import (
    CancellationRuleError,
    cancel_meeting,
    meeting_refusal,
    request_refusal,
    withdraw_request,
)
from matchfair.web.eventday.forms import CancellationForm
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.notify.rules import participant_page
from matchfair.web.site_url import site_url


def _shown(form: CancellationForm, error: CancellationRuleError) -> None:
    form.add_error(error.field if error.field in form.fields else None, str(error))


@participant_page
def cancel_meeting_page(
    request: HttpRequest, participation: Participation, meeting_id: int
) -> HttpResponse:
    """Cancel one of the organization's published meetings, until the organizer's cut-off."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("a__organization", "b__organization", "event"),
        Q(a=participation) | Q(b=participation),
        pk=meeting_id,
        event=participation.event,
        published=True,
    )
    refusal = meeting_refusal(meeting=meeting, by=participation, now=timezone.now())
    if refusal:
        messages.error(request, refusal)
        return redirect("portal:agenda", participation.pk)
    form = CancellationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cancel_meeting(
                meeting=meeting,
                by=participation,
                user=request.user,
                reason=form.cleaned_data["reason"],
                site_url=site_url(request),
            )
        except CancellationRuleError as error:
            _shown(form, error)
        else:
            messages.success(request, _("The meeting is cancelled; your partner is told."))
            return redirect("portal:agenda", participation.pk)
    partner = meeting.b if meeting.a_id == participation.pk else meeting.a
    return render(
        request,
        "portal/cancel_meeting.html",
        {
            "section": "agenda",
            "participation": participation,
            "portal_event": participation.event,
            "meeting": meeting,
            "partner": partner,
            "form": form,
        },
    )


@participant_page
def withdraw_request_page(
    request: HttpRequest, participation: Participation, request_id: int
) -> HttpResponse:
    """Withdraw a request the organization sent, or call off one both sides accepted."""
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related(
            "requester__organization", "recipient__organization", "event"
        ),
        Q(requester=participation) | Q(recipient=participation),
        pk=request_id,
        event=participation.event,
    )
    refusal = request_refusal(meeting_request=meeting_request, by=participation)
    if refusal:
        messages.error(request, refusal)
        return redirect("portal:requests", participation.pk)
    form = CancellationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            withdraw_request(
                meeting_request=meeting_request,
                by=participation,
                user=request.user,
                reason=form.cleaned_data["reason"],
                site_url=site_url(request),
            )
        except CancellationRuleError as error:
            _shown(form, error)
        else:
            messages.success(request, _("The request is withdrawn; the other side is told."))
            return redirect("portal:requests", participation.pk)
    sent = meeting_request.requester_id == participation.pk
    return render(
        request,
        "portal/withdraw_request.html",
        {
            "section": "requests",
            "participation": participation,
            "portal_event": participation.event,
            "meeting_request": meeting_request,
            "partner": meeting_request.recipient if sent else meeting_request.requester,
            "form": form,
        },
    )
