"""The organizer's hand on programme places: take a sign-up back, remove or move up a waiting one.

Each is a POST from the programme page, which lists every item's sign-ups and
waitlist; the freed place goes to the first waiting (``eventday.domain.waitlists``).
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.eventday.domain import waitlists
from matchfair.web.eventday.models import WaitlistEntry
from matchfair.web.events.models import Event, SignUp
from matchfair.web.events.rules import organizer_required
from matchfair.web.site_url import site_url


@require_POST
@organizer_required
def cancel_sign_up(request: HttpRequest, event: Event, sign_up_id: int) -> HttpResponse:
    """Take an organization's place back; the first on the waitlist gets it."""
    signed = get_object_or_404(
        SignUp.objects.select_related("item", "participation__organization"),
        pk=sign_up_id,
        item__event=event,
    )
    promoted = waitlists.cancel_sign_up(
        item=signed.item, participation=signed.participation, site_url=site_url(request)
    )
    messages.success(
        request,
        _("%(name)s no longer has a place on “%(title)s”.")
        % {"name": signed.participation.organization.name, "title": signed.item.title},
    )
    for participation in promoted:
        messages.info(
            request,
            _("%(name)s got the place from the waitlist and was told.")
            % {"name": participation.organization.name},
        )
    return redirect("orga:programme", event_id=event.pk)


@require_POST
@organizer_required
def waitlist_entry(request: HttpRequest, event: Event, entry_id: int) -> HttpResponse:
    """Remove an organization from an item's waitlist, or move it to the top."""
    entry = get_object_or_404(
        WaitlistEntry.objects.select_related("item", "participation__organization"),
        pk=entry_id,
        item__event=event,
    )
    name = entry.participation.organization.name
    if request.POST.get("action") == "top":
        waitlists.move_to_top(entry=entry)
        messages.success(request, _("%(name)s is now first on the waitlist.") % {"name": name})
    else:
        waitlists.remove_entry(entry=entry)
        messages.success(request, _("%(name)s was taken off the waitlist.") % {"name": name})
    return redirect("orga:programme", event_id=event.pk)
