"""The page behind the link in a feedback e-mail: one side reports one meeting, no login needed."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.domain.feedback import read_feedback_token, report_meeting
from matchfair.web.outcomes.forms import FeedbackForm


def meeting_feedback(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = read_feedback_token(token)
    except OutcomeRuleError as error:
        return render(request, "portal/feedback.html", {"problem": str(error)}, status=404)
    form = FeedbackForm(request.POST or None)
    done = False
    if request.method == "POST" and form.is_valid():
        report_meeting(
            meeting=invitation.meeting,
            side=invitation.side,
            status=form.cleaned_data["status"],
            result=form.cleaned_data["result"],
            note=form.cleaned_data["note"],
            user=request.user if request.user.is_authenticated else None,
        )
        done = True
    partner = (
        invitation.meeting.b if invitation.side == invitation.meeting.a else invitation.meeting.a
    )
    # Whoever follows the mailed link, the meeting happened at the event: its clock, named.
    with timezone.override(invitation.meeting.event.timezone):
        return render(
            request,
            "portal/feedback.html",
            {
                "invitation": invitation,
                "partner": partner,
                "form": form,
                "done": done,
                "thanks": _("Thank you, your answer is recorded.") if done else "",
            },
        )
