"""The organizer's live board of the day, and the no-show the organizer marks on it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.board import live_board
from matchfair.web.eventday.domain.presence import PresenceRuleError, mark_no_show
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.meetings.models import Meeting

# The board reloads itself this often (seconds): fresh enough to follow the hall.
REFRESH_SECONDS = 30


@organizer_required
def board(request: HttpRequest, event: Event) -> HttpResponse:
    now = timezone.now()
    live = live_board(event, now=now)
    response = render(
        request,
        "orga/eventday/board.html",
        {
            "event": event,
            "board": live,
            "now": now,
            "refresh": REFRESH_SECONDS,
        },
    )
    response["Refresh"] = str(REFRESH_SECONDS)
    return response


@require_POST
@organizer_required
def no_show(request: HttpRequest, event: Event, meeting_id: int, side_id: int) -> HttpResponse:
    """Mark the absent side of a running meeting a no-show, from the board."""
    meeting = get_object_or_404(Meeting, event=event, pk=meeting_id)
    absent = get_object_or_404(Participation, event=event, pk=side_id)
    try:
        mark_no_show(meeting=meeting, absent=absent, by_side=None, user=request.user)
    except PresenceRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(name)s is marked a no-show: the slot is free.")
            % {"name": absent.organization.name},
        )
    return redirect("orga:live_board", event.pk)
