"""Meet now: two participants book a free table or online room for a slot left today."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from matchfair import core
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.queries import day_rules_of
from matchfair.web.eventday.spot_slots import spot_places, spot_refusal
from matchfair.web.events.models import Session
from matchfair.web.exchange.spot_booking import book_spot_validated
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.meetings.queries import session_slots
from matchfair.web.notify.rules import participant_page
from matchfair.web.site_url import site_url

SHOWN = 30


def _partners(participation: Participation, query: str) -> list[Participation]:
    """Organizations matching ``query`` by name; without one, those one has requests with."""
    others = (
        Participation.objects.filter(event_id=participation.event_id)
        .exclude(pk=participation.pk)
        .select_related("organization")
        .order_by("organization__name", "pk")
    )
    if query:
        return list(others.filter(organization__name__icontains=query)[:SHOWN])
    asked = MeetingRequest.objects.filter(
        Q(requester=participation) | Q(recipient=participation), event_id=participation.event_id
    ).values_list("requester_id", "recipient_id")
    ids = {pk for pair in asked for pk in pair} - {participation.pk}
    return list(others.filter(pk__in=ids)[:SHOWN])


@participant_page
def meet(request: HttpRequest, participation: Participation) -> HttpResponse:
    """Choose whom to meet now: one's request partners, or any organization found by name."""
    query = request.GET.get("q", "").strip()
    return render(
        request,
        "portal/spot/meet.html",
        {
            "section": "agenda",
            "participation": participation,
            "portal_event": participation.event,
            "query": query,
            "partners": _partners(participation, query),
            "switched_off": not day_rules_of(participation.event).spot_booking,
        },
    )


def _chosen_slot(participation: Participation, key: str) -> tuple[Session, core.Slot] | None:
    """The session and slot of a posted ``<session id>|<slot index>``, or None when it is none."""
    session_id, _bar, index = key.partition("|")
    if not (session_id.isdigit() and index.isdigit()) or len(session_id) > 18:
        return None  # more than 18 digits is no database id
    session = Session.objects.filter(event_id=participation.event_id, pk=int(session_id)).first()
    slots = session_slots(session) if session is not None else []
    return (session, slots[int(index)]) if int(index) < len(slots) else None


@participant_page
def meet_partner(
    request: HttpRequest, participation: Participation, partner_id: int
) -> HttpResponse:
    """The slots left today where both are free, and booking one of them."""
    partner = get_object_or_404(
        Participation.objects.select_related("organization"),
        pk=partner_id,
        event_id=participation.event_id,
    )
    reasons: list[str] = []
    if request.method == "POST":
        chosen = _chosen_slot(participation, request.POST.get("slot", ""))
        if chosen is None:
            reasons = [_("Choose one of the slots offered.")]
        else:
            session, slot = chosen
            try:
                book_spot_validated(
                    participation=participation,
                    partner=partner,
                    session=session,
                    start=slot.start,
                    user=request.user,
                    site_url=site_url(request),
                )
            except MeetingRuleError as error:
                reasons = error.reasons
            else:
                messages.success(
                    request,
                    _("Your meeting with %(name)s is booked and on both agendas.")
                    % {"name": partner.organization.name},
                )
                return redirect("portal:agenda", participation.pk)
    return render(
        request,
        "portal/spot/meet_partner.html",
        {
            "section": "agenda",
            "participation": participation,
            "portal_event": participation.event,
            "partner": partner,
            "refusal": spot_refusal(participation, partner),
            "places": spot_places(participation=participation, partner=partner),
            "reasons": reasons,
        },
    )
