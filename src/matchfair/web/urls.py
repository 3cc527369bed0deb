"""The URL map: organizer pages under /events/, participant pages under /my/, admin as fallback."""

from django.contrib import admin
from django.urls import include, path

from matchfair.web.api.api import api
from matchfair.web.audit.views import trail_page

urlpatterns = [
    path("", include("matchfair.web.accounts.urls")),
    path("", include("matchfair.web.accounts.password_urls")),
    path("", include("matchfair.web.portal.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("events/", include("matchfair.web.events.urls")),
    path("events/", include("matchfair.web.outcomes.urls")),
    path("events/", include("matchfair.web.reports.urls")),
    path("events/<int:event_id>/audit/", trail_page, name="audit_trail"),
    path("", include("matchfair.web.access.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
