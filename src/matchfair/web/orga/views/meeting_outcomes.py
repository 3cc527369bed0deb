"""The organizer's overview of meeting outcomes: both sides' answers and the ones to chase."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from matchfair.web import stored_text
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.meetings.models import Meeting
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.outbox.models import Mail
from matchfair.web.outcomes import queries
from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.domain.feedback import feedback_token, report_meeting
from matchfair.web.outcomes.forms import FeedbackForm

PAGE_SIZE = 50


@organizer_required
def overview(request: HttpRequest, event: Event) -> HttpResponse:
    """Published meetings, a page at a time, with each side's report and the links to chase."""
    page = Paginator(queries.published_meetings(event), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = queries.outcome_rows(event, page)
    links = {
        (row.meeting.pk, side.pk): request.build_absolute_uri(
            reverse(
                "portal:meeting_feedback", args=[feedback_token(meeting=row.meeting, side=side)]
            )
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


def _ask_for_feedback(event: Event, site_url: str) -> tuple[int, int]:
    """Ask every side still to report a published meeting, in its portal inbox and by e-mail.

    Each side gets its own feedback link, so the answer needs no login. A
    notification is above outcomes in the import order, so the page asks, not the
    domain. Returns how many organizations were asked (each once, however many of its
    meetings lack a report; one without delegates is not asked) and how many e-mails
    were sent (one per delegate with an address and meeting).
    """
    asked: set[int] = set()
    emails = 0
    for row in queries.outcome_rows(event):
        for side in row.missing:
            partner = row.meeting.b if side.pk == row.meeting.a_id else row.meeting.a
            link = reverse(
                "portal:meeting_feedback", args=[feedback_token(meeting=row.meeting, side=side)]
            )
            notifications = notify(
                side,
                stored_text.gettext(
                    "How did your meeting with %(partner)s (%(when)s) go? "
                    "Tell us in one step with the link below, no login needed.",
                    partner=partner.organization.name,
                    when=stored_text.moment(row.meeting.start),
                ),
                subject=stored_text.gettext(
                    "Your meeting with %(partner)s: how did it go?",
                    partner=partner.organization.name,
                ),
                kind=Mail.Kind.FEEDBACK,
                link=link,
                site_url=site_url,
            )
            if notifications:
                asked.add(side.pk)
            emails += sum(1 for notification in notifications if notification.user.email)
    return len(asked), emails


@require_POST
@organizer_required
def ask_missing(request: HttpRequest, event: Event) -> HttpResponse:
    """E-mail every side still to report its own feedback link."""
    asked, emails = _ask_for_feedback(event, request.build_absolute_uri("/"))
    organizations = ngettext(
        "{count} organization was asked for its feedback.",
        "{count} organizations were asked for their feedback.",
        asked,
    ).format(count=asked)
    sent = ngettext("{count} e-mail was sent.", "{count} e-mails were sent.", emails).format(
        count=emails
    )
    messages.success(request, f"{organizations} {sent}")
    return redirect("orga:meeting_outcomes", event_id=event.pk)


@organizer_required
def record(request: HttpRequest, event: Event, meeting_id: int, side_id: int) -> HttpResponse:
    """The organizer records a side's report, for example from a phone call."""
    meeting = get_object_or_404(Meeting, pk=meeting_id, event=event, published=True)
    side = get_object_or_404(Participation, pk=side_id, event=event)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report_meeting(
                meeting=meeting,
                side=side,
                status=form.cleaned_data["status"],
                result=form.cleaned_data["result"],
                note=form.cleaned_data["note"],
                user=request.user,
                by_organizer=True,
            )
        except OutcomeRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Outcome recorded."))
            return redirect("orga:meeting_outcomes", event_id=event.pk)
    return render(
        request,
        "orga/meeting_outcomes/record.html",
        {"event": event, "meeting": meeting, "side": side, "form": form},
    )
