"""The organizer's pages of one event (/events/ID/...) and event creation (/events/new/)."""

from django.urls import path

from matchfair.web.orga.views import (
    agreements,
    audit_trail,
    availability,
    cooperation_projects,
    downloads,
    event_pages,
    exchange_rates,
    jobs,
    meeting_outcomes,
    meeting_requests,
    opportunities,
    organization_edits,
    organizations,
    people,
    placement,
    portal_rules,
    programme,
    programme_edits,
    recommendations,
    schedule_review,
    series_directory,
    spreadsheet_import,
    unowned_events,
    waitlists,
)

app_name = "orga"

EVENT = "events/<int:event_id>/"

urlpatterns = [
    path("events/new/", event_pages.new_event, name="new_event"),
    path("events/import/", event_pages.import_event_file, name="import_event_file"),
    path(EVENT, event_pages.dashboard, name="event"),
    path(f"{EVENT}settings/", event_pages.event_settings, name="event_settings"),
    path(f"{EVENT}organizer/", unowned_events.assign_organizer, name="assign_organizer"),
    path(f"{EVENT}portal/", portal_rules.portal_rules, name="portal_rules"),
    path(f"{EVENT}people/", people.people, name="event_people"),
    path(f"{EVENT}people/<int:user_id>/withdraw/", people.withdraw, name="withdraw_role"),
    path(f"{EVENT}audit/", audit_trail.trail_page, name="audit_trail"),
    path(f"{EVENT}programme/", programme.programme, name="programme"),
    path(
        f"{EVENT}programme/sessions/<int:session_id>/",
        programme_edits.edit_session,
        name="edit_session",
    ),
    path(
        f"{EVENT}programme/sessions/<int:session_id>/delete/",
        programme_edits.remove_session,
        name="delete_session",
    ),
    path(
        f"{EVENT}programme/items/<int:item_id>/",
        programme_edits.edit_agenda_item,
        name="edit_agenda_item",
    ),
    path(
        f"{EVENT}programme/items/<int:item_id>/delete/",
        programme_edits.remove_agenda_item,
        name="delete_agenda_item",
    ),
    path(
        f"{EVENT}programme/sign-ups/<int:sign_up_id>/cancel/",
        waitlists.cancel_sign_up,
        name="cancel_sign_up",
    ),
    path(
        f"{EVENT}programme/waitlist/<int:entry_id>/",
        waitlists.waitlist_entry,
        name="waitlist_entry",
    ),
    path(f"{EVENT}organizations/", organizations.organizations, name="organizations"),
    path(
        f"{EVENT}organizations/<int:participation_id>/edit/",
        organization_edits.edit_organization,
        name="edit_organization",
    ),
    path(
        f"{EVENT}organizations/<int:participation_id>/availability/",
        availability.organization_availability,
        name="organization_availability",
    ),
    path(
        f"{EVENT}organizations/<int:participation_id>/remove/",
        organization_edits.remove_organization,
        name="remove_organization",
    ),
    path(
        f"{EVENT}organizations/<int:participation_id>/merge/",
        organizations.merge,
        name="merge_organization",
    ),
    path(
        f"{EVENT}organizations/<int:participation_id>/recommendations/",
        recommendations.participant_recommendations,
        name="participant_recommendations",
    ),
    path(f"{EVENT}organizations/invite/", organizations.invite, name="invite"),
    path(f"{EVENT}opportunities/", opportunities.opportunity_list, name="opportunities"),
    path(f"{EVENT}series-directory/", series_directory.series_directory, name="series_directory"),
    path(
        f"{EVENT}organizations/import/",
        spreadsheet_import.upload,
        name="spreadsheet_upload",
    ),
    path(
        f"{EVENT}organizations/import/<int:upload_id>/",
        spreadsheet_import.mapping,
        name="spreadsheet_mapping",
    ),
    path(f"{EVENT}requests/", meeting_requests.meeting_requests, name="meeting_requests"),
    path(f"{EVENT}schedule/", schedule_review.schedule, name="schedule"),
    path(
        f"{EVENT}schedule/meetings/<int:meeting_id>/move/",
        schedule_review.move,
        name="move_meeting",
    ),
    path(
        f"{EVENT}schedule/requests/<int:request_id>/place/",
        placement.place,
        name="place_request",
    ),
    path(f"{EVENT}schedule/publish/", schedule_review.publish, name="publish"),
    path(f"{EVENT}jobs/", jobs.job_list, name="jobs"),
    path(f"{EVENT}jobs/start/", jobs.start, name="start_job"),
    path(f"{EVENT}jobs/<int:job_id>/", jobs.detail, name="job"),
    path(f"{EVENT}jobs/<int:job_id>/status/", jobs.status, name="job_status"),
    path(f"{EVENT}jobs/<int:job_id>/retry/", jobs.retry, name="retry_job"),
    path(f"{EVENT}export/event.json", downloads.event_file, name="export_event"),
    path(f"{EVENT}export/schedule.json", downloads.schedule_file, name="export_schedule"),
    path(f"{EVENT}export/event.xlsx", downloads.workbook, name="export_workbook"),
    path(f"{EVENT}export/agendas.pdf", downloads.all_agendas, name="export_agendas"),
    path(f"{EVENT}export/tables.pdf", downloads.table_plan, name="export_tables"),
    path(f"{EVENT}outcomes/", meeting_outcomes.overview, name="meeting_outcomes"),
    path(f"{EVENT}outcomes/ask/", meeting_outcomes.ask_missing, name="ask_missing_feedback"),
    path(
        f"{EVENT}outcomes/<int:meeting_id>/<int:side_id>/",
        meeting_outcomes.record,
        name="record_outcome",
    ),
    path(f"{EVENT}agreements/", agreements.agreement_list, name="agreements"),
    path(
        f"{EVENT}agreements/<int:agreement_id>/",
        agreements.agreement_detail,
        name="agreement",
    ),
    path(f"{EVENT}rates/", exchange_rates.exchange_rates, name="exchange_rates"),
    path(f"{EVENT}projects/", cooperation_projects.project_list, name="cooperation_projects"),
]
