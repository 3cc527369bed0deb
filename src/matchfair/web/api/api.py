"""The API object: its routers, authentication, error shape and documentation pages.

``/api/openapi.json`` is the OpenAPI document and ``/api/docs`` the Swagger UI,
whose scripts django-ninja ships in its package (served from /static/, no CDN).
"""

from ninja import NinjaAPI, Swagger

from matchfair.web.api import errors
from matchfair.web.api.auth import API_AUTH
from matchfair.web.api.routers import (
    audit,
    campaigns,
    cancellations,
    check_in,
    conversations,
    directory,
    events,
    interpreters,
    meeting_day,
    meetings,
    outbox,
    outcomes,
    personal_data,
    profiles,  # noqa: F401  (adds the catalog's writes to directory's router)
    reports,
    runs,
    series_directory,
    spot,
    tokens,
    waitlists,
)

api = NinjaAPI(
    title="Matchfair API",
    version="1",
    description=(
        "Events, catalog, meeting requests, schedules, outcomes and figures of Matchfair. "
        "Authenticate with `Authorization: Bearer <token>` (tokens are created by organizers "
        "at POST /api/tokens while logged in) or with the login session and an X-CSRFToken "
        "header. Lists take `limit` and `offset`; errors answer "
        '`{"errors": [{"field": ..., "message": ...}]}`.'
    ),
    auth=API_AUTH,
    urls_namespace="api",
    docs=Swagger(),
)
errors.install(api)
for module in (
    events,
    directory,
    series_directory,
    meetings,
    cancellations,
    meeting_day,
    interpreters,
    conversations,
    runs,
    outcomes,
    reports,
    audit,
    personal_data,
    spot,
    tokens,
    waitlists,
    check_in,
    campaigns,
    outbox,
):
    api.add_router("/", module.router)
