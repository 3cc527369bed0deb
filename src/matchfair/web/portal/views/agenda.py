"""My agenda: meetings and signed-up items in my time zone, as a page, an ICS file and a feed."""

from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain import waitlists
from matchfair.web.eventday.waitlist_places import places_of
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.models import AgendaItem
from matchfair.web.exports.calendars import agenda_calendar
from matchfair.web.exports.printing import agendas_pdf
from matchfair.web.meetings.queries import organization_agenda, unplaced_for
from matchfair.web.notify.domain.personal import settings_of, zone_question
from matchfair.web.notify.models import PersonalSettings
from matchfair.web.notify.rules import participant_page
from matchfair.web.site_url import site_url

ICS = "text/calendar; charset=utf-8"


@participant_page
def agenda(request: HttpRequest, participation: Participation) -> HttpResponse:
    event = participation.event
    personal = settings_of(request.user)
    return render(
        request,
        "portal/agenda.html",
        {
            "section": "agenda",
            "participation": participation,
            "portal_event": event,
            "entries": organization_agenda(participation),
            "unplaced": unplaced_for(participation),
            "published": event.schedule_published_at is not None,
            "places": places_of(participation),
            "timezone_name": timezone.get_current_timezone_name(),
            "zone_event": zone_question(request.user, participation=participation),
            "subscription": request.build_absolute_uri(
                reverse("portal:calendar_feed", args=[personal.calendar_token])
            ),
        },
    )


@require_POST
@participant_page
def toggle_item(request: HttpRequest, participation: Participation, item_id: int) -> HttpResponse:
    """Sign up for a programme item, cancel, or wait for a place; the rules are the waitlists'."""
    item = get_object_or_404(AgendaItem, pk=item_id, event=participation.event)
    action = request.POST.get("action")
    try:
        if action == "cancel":
            waitlists.cancel_sign_up(
                item=item, participation=participation, site_url=site_url(request)
            )
            messages.success(request, _("Sign-up cancelled."))
        elif action == "wait":
            waitlists.join_waitlist(item=item, participation=participation)
            messages.success(request, _("You are on the waitlist."))
        elif action == "leave":
            waitlists.leave_waitlist(item=item, participation=participation)
            messages.success(request, _("You left the waitlist."))
        else:
            waitlists.sign_up(item=item, participation=participation)
            messages.success(request, _("Signed up."))
    except EventRuleError as error:
        messages.error(request, str(error))
    return redirect("portal:agenda", participation.pk)


@participant_page
def agenda_ics(request: HttpRequest, participation: Participation) -> HttpResponse:
    response = HttpResponse(agenda_calendar([participation]), content_type=ICS)
    response["Content-Disposition"] = content_disposition_header(
        True, f"{participation.event.code}.ics"
    )
    return response


@participant_page
def agenda_pdf(request: HttpRequest, participation: Participation) -> HttpResponse:
    """The printable agenda, in the participant's own time zone like the page it comes from."""
    content = agendas_pdf(
        participation.event,
        [participation],
        drafts=False,
        zone=timezone.get_current_timezone_name(),
    )
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"{participation.event.code}-{participation.pk}-agenda.pdf"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _subscribed_participations(user: AbstractBaseUser) -> list[Participation]:
    """Every event the person's organization takes part in: one subscription covers them all."""
    delegate = getattr(user, "delegate", None)
    if delegate is None:
        return []
    return list(
        Participation.objects.filter(organization_id=delegate.organization_id).select_related(
            "event", "organization"
        )
    )


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private subscription: the token is the only key, so calendar programs need no login."""
    personal = get_object_or_404(
        PersonalSettings.objects.select_related("user"), calendar_token=token
    )
    if not personal.user.is_active:
        return HttpResponse(status=404)
    return HttpResponse(
        agenda_calendar(_subscribed_participations(personal.user)), content_type=ICS
    )
