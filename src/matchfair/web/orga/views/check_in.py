"""The check-in desk, made for a phone: scan a badge's QR code or find a person by name.

The page posts each scan to ``check_in_scan`` as JSON (the camera path) or as a
form (a name found by search, a typed token, a phone without JavaScript); both call
the one domain function, so a second scan at any desk answers "already checked in".
Check-in staff reach this page and nothing else of the event: the template gets the
event as ``desk_event``, not ``event``, so the organizer's navigation stays away.
"""

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.eventday.arrivals import arrivals, search_badges
from matchfair.web.eventday.domain.badges import refresh_badges
from matchfair.web.eventday.domain.check_in import (
    CheckInError,
    CheckInResult,
    badge_of_id,
    badge_of_token,
    check_in,
)
from matchfair.web.eventday.models import Badge, CheckIn
from matchfair.web.eventday.rules import check_in_desk_required
from matchfair.web.events.models import Event
from matchfair.web.events.rules import is_organizer

MAX_BODY = 4096
# The site's Permissions-Policy forbids the camera everywhere; the desk is the one page that
# needs it (``security.headers`` only sets the header where a view has not).
DESK_PERMISSIONS = "camera=(self), microphone=(), geolocation=(), payment=()"


@check_in_desk_required
def desk(request: HttpRequest, event: Event) -> HttpResponse:
    refresh_badges(event=event)
    query = request.GET.get("q", "").strip()[:100]
    response = render(
        request,
        "orga/eventday/check_in_desk.html",
        {
            "desk_event": event,
            "organizes": is_organizer(request.user, event),
            "figures": arrivals(event),
            "query": query,
            "found": search_badges(event, query) if query else [],
        },
    )
    response["Permissions-Policy"] = DESK_PERMISSIONS
    return response


def _badge(event: Event, data: dict[str, object]) -> Badge:
    token, badge_id = data.get("token"), data.get("badge")
    if isinstance(token, str) and token.strip():
        return badge_of_token(event=event, token=token)
    if (isinstance(badge_id, int) and not isinstance(badge_id, bool)) or (
        isinstance(badge_id, str) and badge_id.isdigit()
    ):
        return badge_of_id(event=event, badge_id=int(badge_id))
    raise CheckInError(_("Scan a badge, type its code or choose a name."), field="token")


def _answer(event: Event, result: CheckInResult) -> dict[str, object]:
    return {
        "ok": True,
        "new": result.new,
        "message": result.message,
        "badge": {
            "id": result.badge.pk,
            "name": result.badge.name,
            "organization": result.badge.participation.organization.name,
        },
        "checked_in_at": result.check_in.at.isoformat(),
        "desk": result.check_in.desk,
        "arrived": CheckIn.objects.filter(event=event).count(),
    }


def _json_scan(request: HttpRequest, event: Event) -> JsonResponse:
    if len(request.body) > MAX_BODY:
        return JsonResponse({"ok": False, "message": _("The request is too large.")}, status=400)
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        data = None
    if not isinstance(data, dict):
        return JsonResponse(
            {"ok": False, "message": _("The request is not a JSON object.")}, status=400
        )
    desk_name = data.get("desk") if isinstance(data.get("desk"), str) else ""
    try:
        result = check_in(event=event, badge=_badge(event, data), user=request.user, desk=desk_name)
    except CheckInError as error:
        return JsonResponse({"ok": False, "message": str(error), "field": error.field}, status=422)
    return JsonResponse(_answer(event, result))


@check_in_desk_required
@require_POST
def scan(request: HttpRequest, event: Event) -> HttpResponse:
    """JSON in, JSON out for the camera; a form post answers with a message on the desk page."""
    if request.content_type == "application/json":
        return _json_scan(request, event)
    try:
        result = check_in(
            event=event,
            badge=_badge(event, request.POST.dict()),
            user=request.user,
            desk=request.POST.get("desk", ""),
        )
    except CheckInError as error:
        messages.error(request, str(error))
    else:
        (messages.success if result.new else messages.warning)(request, result.message)
    target = reverse("orga:check_in_desk", args=[event.pk])
    query = request.POST.get("q", "").strip()
    return redirect(target + ("?" + urlencode({"q": query}) if query else ""))
