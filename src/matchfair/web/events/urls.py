"""Organizer pages of one event (/events/ID/...); /events/my/ID/ leads to the portal."""

from django.urls import path

from matchfair.web.directory.views import organizations, spreadsheet_import
from matchfair.web.events.views import (
    event_pages,
    organization_edits,
    participant_pages,
    programme,
    programme_edits,
)
from matchfair.web.exports import views as exports
from matchfair.web.jobs import views as jobs
from matchfair.web.meetings.views import requests, schedule_review

urlpatterns = [
    path("new/", event_pages.new_event, name="new_event"),
    path("import/", event_pages.import_event_file, name="import_event_file"),
    path("<int:event_id>/", event_pages.dashboard, name="event"),
    path("<int:event_id>/settings/", event_pages.event_settings, name="event_settings"),
    path("<int:event_id>/programme/", programme.programme, name="programme"),
    path(
        "<int:event_id>/programme/sessions/<int:session_id>/",
        programme_edits.edit_session,
        name="edit_session",
    ),
    path(
        "<int:event_id>/programme/sessions/<int:session_id>/delete/",
        programme_edits.remove_session,
        name="delete_session",
    ),
    path(
        "<int:event_id>/programme/items/<int:item_id>/",
        programme_edits.edit_agenda_item,
        name="edit_agenda_item",
    ),
    path(
        "<int:event_id>/programme/items/<int:item_id>/delete/",
        programme_edits.remove_agenda_item,
        name="delete_agenda_item",
    ),
    path("<int:event_id>/organizations/", organizations.organizations, name="organizations"),
    path(
        "<int:event_id>/organizations/<int:participation_id>/edit/",
        organization_edits.edit_organization,
        name="edit_organization",
    ),
    path(
        "<int:event_id>/organizations/<int:participation_id>/remove/",
        organization_edits.remove_organization,
        name="remove_organization",
    ),
    path(
        "<int:event_id>/organizations/<int:participation_id>/merge/",
        organizations.merge,
        name="merge_organization",
    ),
    path("<int:event_id>/organizations/invite/", organizations.invite, name="invite"),
    path(
        "<int:event_id>/organizations/import/",
        spreadsheet_import.upload,
        name="spreadsheet_upload",
    ),
    path(
        "<int:event_id>/organizations/import/<int:upload_id>/",
        spreadsheet_import.mapping,
        name="spreadsheet_mapping",
    ),
    path("<int:event_id>/requests/", requests.meeting_requests, name="meeting_requests"),
    path("<int:event_id>/schedule/", schedule_review.schedule, name="schedule"),
    path(
        "<int:event_id>/schedule/meetings/<int:meeting_id>/move/",
        schedule_review.move,
        name="move_meeting",
    ),
    path("<int:event_id>/schedule/publish/", schedule_review.publish, name="publish"),
    path("<int:event_id>/jobs/", jobs.job_list, name="jobs"),
    path("<int:event_id>/jobs/start/", jobs.start, name="start_job"),
    path("<int:event_id>/jobs/<int:job_id>/", jobs.detail, name="job"),
    path("<int:event_id>/jobs/<int:job_id>/status/", jobs.status, name="job_status"),
    path("<int:event_id>/jobs/<int:job_id>/retry/", jobs.retry, name="retry_job"),
    path("<int:event_id>/export/event.json", exports.event_file, name="export_event"),
    path("<int:event_id>/export/schedule.json", exports.schedule_file, name="export_schedule"),
    path("<int:event_id>/export/event.xlsx", exports.workbook, name="export_workbook"),
    path("<int:event_id>/export/agendas.pdf", exports.all_agendas, name="export_agendas"),
    path("<int:event_id>/export/tables.pdf", exports.table_plan, name="export_tables"),
    path("my/<int:participation_id>/", participant_pages.participant_home, name="participant_home"),
    path(
        "my/<int:participation_id>/agenda.pdf",
        exports.organization_agenda,
        name="participant_agenda_pdf",
    ),
]
