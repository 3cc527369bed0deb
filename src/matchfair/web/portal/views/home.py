"""The landing page: organizers see their events, delegates their organization's agendas,
viewers the events they view, check-in staff their events' desks."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from matchfair.web.accounts.rules import can_create_events
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.rules import staffed_events
from matchfair.web.events.models import Event
from matchfair.web.events.rules import unowned_events
from matchfair.web.notify.domain.personal import zone_question


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    events = Event.objects.all() if user.is_superuser else user.organized_events.all()
    events = events.annotate(organization_count=Count("participations", distinct=True))
    participations = Participation.objects.none()
    if hasattr(user, "delegate"):
        participations = Participation.objects.filter(
            organization=user.delegate.organization
        ).select_related("event", "organization")
    viewed = Event.objects.filter(viewers__user=user).exclude(pk__in=events.values("pk"))
    return render(
        request,
        "portal/home.html",
        {
            "events": events,
            "viewed_events": viewed.order_by("name"),
            "participations": participations,
            "can_create_events": can_create_events(user),
            "unowned_events": unowned_events(user)
            .annotate(organization_count=Count("participations"))
            .order_by("-created_at", "-pk"),
            "check_in_desks": staffed_events(user),
            "zone_event": zone_question(user) if hasattr(user, "delegate") else None,
            # `matchfair demo` runs a local mail server; its mailbox is an organizer's page.
            "demo_mailbox": bool(settings.MATCHFAIR_MAIL_SINK_DIR),
        },
    )
