"""One participant's partner suggestions from the latest recommendation run, with reasons.

An organizer asked "why was X suggested to Y?" reads the same reasons the participant
reads on their own page; before any run the page says so and offers to start one.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.events.rules import event_access, organizer_required
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.queries import runs_of
from matchfair.web.meetings.rules import visible_recommendations


@organizer_required
def participant_recommendations(
    request: HttpRequest, event: Event, participation_id: int
) -> HttpResponse:
    participation = get_object_or_404(
        Participation.objects.select_related("organization"), pk=participation_id, event=event
    )
    access = event_access(request.user, event)
    recommendations = (
        visible_recommendations(access)
        .filter(participation=participation)
        .select_related("partner__organization")
        .order_by("rank", "pk")
    )
    latest_run = runs_of(event, kind=Job.Kind.RECOMMEND, status=Job.Status.SUCCEEDED).first()
    pending = runs_of(event, kind=Job.Kind.RECOMMEND).filter(
        status__in=(Job.Status.QUEUED, Job.Status.RUNNING)
    )
    return render(
        request,
        "orga/directory/recommendations.html",
        {
            "event": event,
            "participation": participation,
            "recommendations": recommendations,
            "latest_run": latest_run,
            "pending_run": pending.first(),
            "recommend": Job.Kind.RECOMMEND,
        },
    )
