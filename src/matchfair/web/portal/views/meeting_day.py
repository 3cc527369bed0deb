"""A participant at a meeting on the day: "we are here", "no show", and the online room."""

from contextlib import suppress

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain.presence import PresenceRuleError, mark_no_show, mark_present
from matchfair.web.eventday.models import Presence
from matchfair.web.meetings.models import Meeting
from matchfair.web.meetings.queries import room_link
from matchfair.web.notify.rules import participant_page


def _meeting_of(participation: Participation, meeting_id: int) -> Meeting:
    """A published meeting of this organization (404 for any other)."""
    return get_object_or_404(
        Meeting.objects.select_related("event").filter(Q(a=participation) | Q(b=participation)),
        pk=meeting_id,
        event_id=participation.event_id,
        published=True,
    )


@require_POST
@participant_page
def here(request: HttpRequest, participation: Participation, meeting_id: int) -> HttpResponse:
    meeting = _meeting_of(participation, meeting_id)
    try:
        mark_present(meeting=meeting, side=participation)
    except PresenceRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Noted: you are at the meeting."))
    return redirect("portal:agenda", participation.pk)


@require_POST
@participant_page
def no_show(request: HttpRequest, participation: Participation, meeting_id: int) -> HttpResponse:
    meeting = _meeting_of(participation, meeting_id)
    partner = meeting.b if meeting.a_id == participation.pk else meeting.a
    try:
        mark_no_show(meeting=meeting, absent=partner, by_side=participation, user=request.user)
    except PresenceRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The meeting is marked a no-show: your slot is free again."))
    return redirect("portal:agenda", participation.pk)


@participant_page
def join_room(request: HttpRequest, participation: Participation, meeting_id: int) -> HttpResponse:
    """Open the meeting's online room, noting that this side joined (its delegates only)."""
    meeting = _meeting_of(participation, meeting_id)
    if not meeting.online:
        return redirect("portal:agenda", participation.pk)
    delegate = getattr(request.user, "delegate", None)
    if delegate is not None and delegate.organization_id == participation.organization_id:
        # Opened long before or after the meeting: the room opens, nothing is noted.
        with suppress(PresenceRuleError):
            mark_present(meeting=meeting, side=participation, how=Presence.How.JOINED)
    return HttpResponseRedirect(room_link(meeting))
