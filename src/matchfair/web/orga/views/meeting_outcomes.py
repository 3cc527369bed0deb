"""The organizer's overview of meeting outcomes: both sides' answers and the ones to chase."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from matchfair.web.accounts.permissions import organizer_required
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting
from matchfair.web.outcomes import services
from matchfair.web.outcomes.forms import FeedbackForm

PAGE_SIZE = 50


@organizer_required
def overview(request: HttpRequest, event: Event) -> HttpResponse:
    """Published meetings, a page at a time, with each side's report and the links to chase."""
    page = Paginator(services.published_meetings(event), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = services.outcome_rows(event, page)
    links = {
        (row.meeting.pk, side.pk): request.build_absolute_uri(
            reverse("portal:meeting_feedback", args=[services.feedback_token(row.meeting, side)])
        )
        for row in rows
        for side in row.missing
    }
    missing = [
        {"row": row, "side": side, "link": links[(row.meeting.pk, side.pk)]}
        for row in rows
        for side in row.missing
    ]
    return render(
        request,
        "orga/meeting_outcomes/overview.html",
        {"event": event, "page": page, "rows": rows, "missing": missing, "form": FeedbackForm()},
    )


@require_POST
@organizer_required
def ask_missing(request: HttpRequest, event: Event) -> HttpResponse:
    """E-mail every side still to report its own feedback link."""
    asked = services.request_missing_feedback(event, request.build_absolute_uri("/"))
    messages.success(
        request,
        ngettext(
            "{count} organization was asked for its feedback.",
            "{count} organizations were asked for their feedback.",
            asked,
        ).format(count=asked),
    )
    return redirect("orga:meeting_outcomes", event_id=event.pk)


@organizer_required
def record(request: HttpRequest, event: Event, meeting_id: int, side_id: int) -> HttpResponse:
    """The organizer records a side's report, for example from a phone call."""
    meeting = get_object_or_404(Meeting, pk=meeting_id, event=event, published=True)
    side = get_object_or_404(Participation, pk=side_id, event=event)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_meeting(
                meeting,
                side,
                status=form.cleaned_data["status"],
                result=form.cleaned_data["result"],
                note=form.cleaned_data["note"],
                user=request.user,
                by_organizer=True,
            )
        except services.OutcomeRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Outcome recorded."))
            return redirect("orga:meeting_outcomes", event_id=event.pk)
    return render(
        request,
        "orga/meeting_outcomes/record.html",
        {"event": event, "meeting": meeting, "side": side, "form": form},
    )
