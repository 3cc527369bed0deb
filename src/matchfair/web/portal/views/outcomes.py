"""A participant's outcome page: report its meetings, confirm agreements, find projects."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.directory.rules import delegate_participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.queries import meetings_of_participation
from matchfair.web.outcomes import queries
from matchfair.web.outcomes.domain import projects
from matchfair.web.outcomes.domain.agreements import confirm_agreement
from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.domain.feedback import feedback_token
from matchfair.web.outcomes.forms import HostProjectForm, InterestForm
from matchfair.web.outcomes.models import CooperationProject


def _event_today(event: Event) -> date:
    """Today where the event takes place: the date an online signature carries."""
    with timezone.override(event.timezone):
        return timezone.localdate()


@login_required
def participant_outcomes(request: HttpRequest, participation_id: int) -> HttpResponse:
    participation = delegate_participation(request, participation_id)
    event = participation.event
    meetings = list(meetings_of_participation(event, participation.pk, published_only=True))
    rows = {row.meeting.pk: row for row in queries.outcome_rows(event, meetings)}
    agreements = queries.agreements_of(event, party=participation).prefetch_related(
        "parties__participation__organization", "parties__confirmation"
    )
    projects = (
        CooperationProject.objects.filter(event=event, published=True)
        .exclude(host=participation)
        .select_related("host__organization")
    )
    interested = set(participation.interests.values_list("project_id", flat=True))
    hosted = participation.hosted_projects.prefetch_related(
        "interests__participation__organization"
    )
    return render(
        request,
        "portal/outcomes.html",
        {
            "participation": participation,
            "section": "outcomes",
            "portal_event": event,
            "meetings": [
                {
                    "meeting": meeting,
                    "partner": meeting.b if meeting.a_id == participation.pk else meeting.a,
                    "reported": participation not in rows[meeting.pk].missing,
                    "link": feedback_token(meeting=meeting, side=participation),
                }
                for meeting in meetings
            ],
            "agreements": agreements,
            "projects": projects,
            "interested": interested,
            "interest_form": InterestForm(),
            "hosted": hosted,
            "project_form": HostProjectForm(),
        },
    )


@require_POST
@login_required
def confirm(request: HttpRequest, participation_id: int, agreement_id: int) -> HttpResponse:
    participation = delegate_participation(request, participation_id)
    agreement = get_object_or_404(
        queries.agreements_of(participation.event, party=participation), pk=agreement_id
    )
    try:
        signed = confirm_agreement(
            agreement=agreement,
            party=participation,
            user=request.user,
            on=_event_today(participation.event),
        )
    except OutcomeRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Every party has confirmed: the agreement is signed.")
            if signed
            else _("Your confirmation is recorded; waiting for the other parties."),
        )
    return redirect("portal:participant_outcomes", participation_id=participation.pk)


@require_POST
@login_required
def express_interest(request: HttpRequest, participation_id: int, project_id: int) -> HttpResponse:
    participation = delegate_participation(request, participation_id)
    project = get_object_or_404(CooperationProject, pk=project_id, event=participation.event)
    form = InterestForm(request.POST)
    if form.is_valid():
        try:
            projects.express_interest(
                project=project, participation=participation, message=form.cleaned_data["message"]
            )
        except OutcomeRuleError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your interest was sent to the host as a meeting request."))
    return redirect("portal:participant_outcomes", participation_id=participation.pk)


@require_POST
@login_required
def publish_project(request: HttpRequest, participation_id: int) -> HttpResponse:
    """A host city or district publishes a project seeking partners or investors."""
    participation = delegate_participation(request, participation_id)
    form = HostProjectForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            projects.create_project(
                event=participation.event,
                host=participation,
                title=data["title"],
                sector=data["sector"],
                location=data["location"],
                contact=data["contact"],
                planned_investment=data["planned_investment"],
                currency=data["currency"],
                description=data["description"],
                published=True,
            )
        except OutcomeRuleError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Project published."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("portal:participant_outcomes", participation_id=participation.pk)
