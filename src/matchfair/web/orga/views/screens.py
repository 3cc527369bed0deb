"""The organizer's screens page: the link for the hall's screens, made, renewed or revoked."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.eventday.domain.screens import new_screen_link, revoke_screen_link
from matchfair.web.eventday.queries import day_rules_of
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.meetings.queries import event_locations

# A screen between neighbouring tables shows this many of them.
GROUP_SIZE = 4


@organizer_required
def screens(request: HttpRequest, event: Event) -> HttpResponse:
    token = day_rules_of(event).screen_token
    links = {}
    if token:
        tables = event_locations(event, online=False)
        groups = [tables[n : n + GROUP_SIZE] for n in range(0, len(tables), GROUP_SIZE)]
        links = {
            "entrance": request.build_absolute_uri(reverse("portal:entrance_screen", args=[token])),
            "tables": [
                (
                    table,
                    request.build_absolute_uri(reverse("portal:table_screen", args=[token, table])),
                )
                for table in tables
            ],
            "groups": [
                (
                    group,
                    request.build_absolute_uri(
                        reverse("portal:table_screen", args=[token, ",".join(group)])
                    ),
                )
                for group in groups
                if len(group) > 1
            ],
        }
    return render(request, "orga/eventday/screens.html", {"event": event, "links": links})


@require_POST
@organizer_required
def change_screen_link(request: HttpRequest, event: Event) -> HttpResponse:
    """Make a new link (the old one stops at once) or revoke it."""
    if request.POST.get("action") == "revoke":
        revoke_screen_link(event=event)
        messages.success(request, _("The screens' link is revoked: every screen is off."))
    else:
        new_screen_link(event=event)
        messages.success(request, _("New screens' link made: any earlier link stops working."))
    return redirect("orga:screens", event.pk)
