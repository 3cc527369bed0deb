"""The organizer's page of an event's audit trail, a page at a time."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from matchfair.web.audit.services import Trail
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required

PAGE_SIZE = 100


@organizer_required
def trail_page(request: HttpRequest, event: Event) -> HttpResponse:
    page = Paginator(Trail(event), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "orga/audit/trail.html", {"event": event, "lines": page, "page": page})
