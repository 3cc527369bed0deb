"""The URL map: each page app routes its own pages under its own namespace.

Paths are those of earlier releases, so bookmarks and mailed links keep working.
"""

from django.contrib import admin
from django.urls import include, path

from matchfair.web.api.api import api

urlpatterns = [
    path("", include("matchfair.web.portal.urls")),
    path("", include("matchfair.web.orga.urls")),
    path("", include("matchfair.web.reports.urls")),
    path("", include("matchfair.web.api.token_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
