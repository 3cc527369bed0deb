"""Outcome pages under /events/: organizer pages by event, participant pages by participation."""

from django.urls import path

from matchfair.web.outcomes.views import (
    agreements,
    feedback_link,
    meeting_outcomes,
    participant,
    projects,
    rates,
)

urlpatterns = [
    path("<int:event_id>/outcomes/", meeting_outcomes.overview, name="meeting_outcomes"),
    path("<int:event_id>/outcomes/ask/", meeting_outcomes.ask_missing, name="ask_missing_feedback"),
    path(
        "<int:event_id>/outcomes/<int:meeting_id>/<int:side_id>/",
        meeting_outcomes.record,
        name="record_outcome",
    ),
    path("<int:event_id>/agreements/", agreements.agreement_list, name="agreements"),
    path(
        "<int:event_id>/agreements/<int:agreement_id>/",
        agreements.agreement_detail,
        name="agreement",
    ),
    path("<int:event_id>/rates/", rates.exchange_rates, name="exchange_rates"),
    path("<int:event_id>/projects/", projects.project_list, name="cooperation_projects"),
    path("feedback/<str:token>/", feedback_link.meeting_feedback, name="meeting_feedback"),
    path(
        "my/<int:participation_id>/outcomes/",
        participant.participant_outcomes,
        name="participant_outcomes",
    ),
    path(
        "my/<int:participation_id>/agreements/<int:agreement_id>/confirm/",
        participant.confirm,
        name="confirm_agreement",
    ),
    path(
        "my/<int:participation_id>/projects/<int:project_id>/interest/",
        participant.express_interest,
        name="express_interest",
    ),
    path(
        "my/<int:participation_id>/projects/",
        participant.publish_project,
        name="publish_project",
    ),
]
