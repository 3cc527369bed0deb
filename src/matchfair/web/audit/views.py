"""The organizer's page of an event's audit trail."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from matchfair.web.accounts.permissions import organizer_required
from matchfair.web.audit.services import trail
from matchfair.web.events.models import Event


@organizer_required
def trail_page(request: HttpRequest, event: Event) -> HttpResponse:
    return render(request, "audit/trail.html", {"event": event, "lines": trail(event)})
