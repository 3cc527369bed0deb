"""Every participant page (/my/..., /events/my/...), the home page, sign-in and sign-up, calendar feeds."""

from django.contrib.auth import views as auth_views
from django.urls import path

from matchfair.web.portal import password_urls
from matchfair.web.portal.views import (
    account,
    agenda,
    availability,
    cancellations,
    catalog,
    feedback,
    follow_up,
    home,
    meeting_day,
    messages,
    old_links,
    organization_agenda,
    outcomes,
    personal_data,
    profile,
    requests,
    screens,
    signup,
    spot,
)
from matchfair.web.portal.views.password_set import PasswordSetView

app_name = "portal"

urlpatterns = [
    path("", home.home, name="home"),
    path("login/", auth_views.LoginView.as_view(template_name="portal/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "welcome/<uidb64>/<token>/",
        PasswordSetView.as_view(template_name="portal/welcome.html"),
        name="welcome",
    ),
    *password_urls.urlpatterns,
    path("join/<str:token>/", signup.join, name="join"),
    path("register/<int:event_id>/", signup.register_openly, name="register"),
    path("calendar/<str:token>.ics", agenda.calendar_feed, name="calendar_feed"),
    path("my/", account.my_events, name="my_events"),
    path("my/settings/", account.personal_settings, name="settings"),
    path("my/settings/calendar/", account.renew_calendar, name="renew_calendar"),
    path("my/settings/mail/", account.mail_kinds, name="mail_kinds"),
    path("my/settings/zone/", account.answer_zone, name="answer_zone"),
    path("my/settings/data.json", personal_data.personal_data_json, name="personal_data_json"),
    path(
        "my/settings/data.pdf", personal_data.personal_data_pdf_download, name="personal_data_pdf"
    ),
    path("my/language/", account.switch_language, name="switch_language"),
    path("my/notifications/", account.notifications, name="notifications"),
    path("my/<int:participation_id>/profile/", profile.profile, name="profile"),
    path(
        "my/<int:participation_id>/opportunities/new/", profile.opportunity, name="new_opportunity"
    ),
    path(
        "my/<int:participation_id>/opportunities/<int:opportunity_id>/",
        profile.opportunity,
        name="opportunity",
    ),
    path(
        "my/<int:participation_id>/opportunities/<int:opportunity_id>/delete/",
        profile.remove_opportunity,
        name="delete_opportunity",
    ),
    path(
        "my/<int:participation_id>/availability/",
        availability.availability,
        name="availability",
    ),
    path("my/<int:participation_id>/catalog/", catalog.catalog_page, name="catalog"),
    path("my/<int:participation_id>/catalog/<int:partner_id>/", catalog.partner, name="partner"),
    path("my/<int:participation_id>/requests/", requests.requests_page, name="requests"),
    path(
        "my/<int:participation_id>/requests/<int:request_id>/answer/",
        requests.answer,
        name="answer",
    ),
    path("my/<int:participation_id>/agenda/", agenda.agenda, name="agenda"),
    path(
        "my/<int:participation_id>/meetings/<int:meeting_id>/cancel/",
        cancellations.cancel_meeting_page,
        name="cancel_meeting",
    ),
    path(
        "my/<int:participation_id>/requests/<int:request_id>/withdraw/",
        cancellations.withdraw_request_page,
        name="withdraw_request",
    ),
    path("my/<int:participation_id>/agenda.ics", agenda.agenda_ics, name="agenda_ics"),
    path("my/<int:participation_id>/agenda.pdf", agenda.agenda_pdf, name="agenda_pdf"),
    path(
        "my/<int:participation_id>/programme/<int:item_id>/",
        agenda.toggle_item,
        name="toggle_item",
    ),
    path("my/<int:participation_id>/team/", account.team, name="team"),
    path("my/<int:participation_id>/meet/", spot.meet, name="meet"),
    path(
        "my/<int:participation_id>/meet/<int:partner_id>/", spot.meet_partner, name="meet_partner"
    ),
    path(
        "my/<int:participation_id>/meetings/<int:meeting_id>/here/",
        meeting_day.here,
        name="meeting_here",
    ),
    path(
        "my/<int:participation_id>/meetings/<int:meeting_id>/no-show/",
        meeting_day.no_show,
        name="meeting_no_show",
    ),
    path(
        "my/<int:participation_id>/meetings/<int:meeting_id>/room/",
        meeting_day.join_room,
        name="join_room",
    ),
    path("screens/<str:token>/entrance/", screens.entrance_screen, name="entrance_screen"),
    path("screens/<str:token>/tables/<str:tables>/", screens.table_screen, name="table_screen"),
    path("my/<int:participation_id>/messages/", messages.conversations, name="conversations"),
    path(
        "my/<int:participation_id>/messages/<int:partner_id>/",
        messages.conversation,
        name="conversation",
    ),
    path(
        "my/<int:participation_id>/messages/<int:partner_id>/<int:message_id>/report/",
        messages.report,
        name="report_message",
    ),
    path(
        "events/my/<int:participation_id>/",
        old_links.participant_home,
        name="participant_home",
    ),
    path(
        "events/my/<int:participation_id>/agenda.pdf",
        organization_agenda.organization_agenda,
        name="organization_agenda_pdf",
    ),
    path(
        "events/my/<int:participation_id>/outcomes/",
        outcomes.participant_outcomes,
        name="participant_outcomes",
    ),
    path(
        "events/my/<int:participation_id>/agreements/<int:agreement_id>/confirm/",
        outcomes.confirm,
        name="confirm_agreement",
    ),
    path(
        "events/my/<int:participation_id>/projects/<int:project_id>/interest/",
        outcomes.express_interest,
        name="express_interest",
    ),
    path(
        "events/my/<int:participation_id>/projects/",
        outcomes.publish_project,
        name="publish_project",
    ),
    path("events/feedback/<str:token>/", feedback.meeting_feedback, name="meeting_feedback"),
    path("events/<int:event_id>/follow-up/<str:token>/", follow_up.follow_up, name="follow_up"),
]
