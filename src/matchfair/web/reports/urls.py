"""Report pages of an event and of a series, under /events/."""

from django.urls import path

from matchfair.web.reports import views

app_name = "reports"

urlpatterns = [
    path("events/<int:event_id>/report/", views.event_report, name="event_report"),
    path(
        "events/<int:event_id>/report/<str:language>.<str:kind>",
        views.event_report_file,
        name="event_report_file",
    ),
    path("events/series/<int:series_id>/report/", views.series_report, name="series_report"),
]
