"""Giving an event nobody organizes its first organizer (a staff user's page).

``matchfair import`` without ``--organizer`` leaves an event without organizers, whose
pages nobody could open; staff users find such events on their home page and assign
one here instead of meeting a 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from matchfair.web.access.domain.roles import RoleError, assign_first_organizer
from matchfair.web.access.forms import FirstOrganizerForm
from matchfair.web.events.models import Event
from matchfair.web.events.rules import is_organizer, may_assign_first_organizer


@login_required
def assign_organizer(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id)
    if not may_assign_first_organizer(request.user, event):
        if is_organizer(request.user, event):
            return redirect("orga:event", event_id=event.pk)
        raise PermissionDenied
    form = FirstOrganizerForm(
        request.POST or None, initial={"username": request.user.get_username()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = assign_first_organizer(
                event=event, username=form.cleaned_data["username"], by=request.user
            )
        except RoleError as error:
            form.add_error("username", str(error))
        else:
            messages.success(
                request,
                _("%(user)s now organizes %(event)s.")
                % {"user": user.get_username(), "event": event.name},
            )
            if is_organizer(request.user, event):
                return redirect("orga:event", event_id=event.pk)
            return redirect("portal:home")
    return render(
        request,
        "orga/events/assign_organizer.html",
        {"event": event, "form": form, "organizations": event.participations.count()},
    )
