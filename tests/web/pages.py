"""Every page of the site with its address filled in from a test world, for tests that visit all.

Walking the URL map (rather than listing pages by hand) means a page added later is
attacked too. Pages reached with a secret in the address (tokens) and file
downloads that are not HTML are left to their own tests.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from matchfair.web.events.models import AgendaItem
from matchfair.web.jobs.models import Job
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.outcomes.models import Agreement
from tests.web.factories import World

SKIPPED_PREFIXES = ("admin/", "api/", "static/")
SECRET_PARTS = ("token", "uidb64")
NOT_HTML = (".pdf", ".ics", ".xlsx", ".json", "report/<str:language>.<str:kind>")


@dataclass(frozen=True)
class Page:
    route: str
    name: str
    kwargs: dict[str, object]

    @property
    def path(self) -> str:
        path = "/" + self.route
        for key, value in self.kwargs.items():
            for converter in ("int", "str"):
                path = path.replace(f"<{converter}:{key}>", str(value))
        return path


def _routes(patterns: list, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def ids(world: World, participation: object) -> dict[str, object]:
    """The value of each address part, for pages of ``participation`` in the world's event."""
    event = world.event
    return {
        "event_id": event.pk,
        "participation_id": participation.pk,
        "partner_id": world.tsinghua.pk,
        "meeting_id": world.published.pk,
        "side_id": world.tegnology.pk,
        "request_id": MeetingRequest.objects.filter(event=event).first().pk,
        "agreement_id": Agreement.objects.filter(event=event).first().pk,
        "opportunity_id": participation.opportunities.first().pk
        if participation.opportunities.exists()
        else 1,
        "item_id": AgendaItem.objects.filter(event=event).first().pk
        if AgendaItem.objects.filter(event=event).exists()
        else 1,
        "job_id": Job.objects.filter(event=event).first().pk
        if Job.objects.filter(event=event).exists()
        else 1,
        "upload_id": 1,
        "project_id": 1,
        "series_id": event.series_id or 1,
    }


def html_pages(values: dict[str, object]) -> list[Page]:
    """Every GET-able HTML page whose address parts are all in ``values``."""
    pages = []
    for route, pattern in _routes(get_resolver().url_patterns):
        if route.startswith(SKIPPED_PREFIXES) or any(part in route for part in SECRET_PARTS):
            continue
        if route.endswith(NOT_HTML) or any(marker in route for marker in NOT_HTML):
            continue
        keys = set(pattern.pattern.converters)
        if not keys <= values.keys():
            continue
        pages.append(Page(route, pattern.name or route, {k: values[k] for k in keys}))
    return pages
