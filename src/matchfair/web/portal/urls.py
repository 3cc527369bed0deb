"""Participant pages under /my/, sign-up under /join/ and /register/, calendar feeds."""

from django.urls import path

from matchfair.web.portal.views import (
    account,
    agenda,
    catalog,
    organizer,
    profile,
    requests,
    signup,
)

app_name = "portal"

urlpatterns = [
    path("join/<str:token>/", signup.join, name="join"),
    path("register/<int:event_id>/", signup.register_openly, name="register"),
    path("calendar/<str:token>.ics", agenda.calendar_feed, name="calendar_feed"),
    path("events/<int:event_id>/portal/", organizer.portal_rules, name="rules"),
    path("my/", account.my_events, name="my_events"),
    path("my/settings/", account.personal_settings, name="settings"),
    path("my/settings/calendar/", account.renew_calendar, name="renew_calendar"),
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
    path("my/<int:participation_id>/catalog/", catalog.catalog_page, name="catalog"),
    path("my/<int:participation_id>/catalog/<int:partner_id>/", catalog.partner, name="partner"),
    path("my/<int:participation_id>/requests/", requests.requests_page, name="requests"),
    path(
        "my/<int:participation_id>/requests/<int:request_id>/answer/",
        requests.answer,
        name="answer",
    ),
    path("my/<int:participation_id>/agenda/", agenda.agenda, name="agenda"),
    path("my/<int:participation_id>/agenda.ics", agenda.agenda_ics, name="agenda_ics"),
    path("my/<int:participation_id>/agenda.pdf", agenda.agenda_pdf, name="agenda_pdf"),
    path(
        "my/<int:participation_id>/programme/<int:item_id>/",
        agenda.toggle_item,
        name="toggle_item",
    ),
    path("my/<int:participation_id>/team/", account.team, name="team"),
]
