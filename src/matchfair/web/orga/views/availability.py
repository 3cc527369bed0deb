"""When an organization of the event can meet, set by an organizer, slot by slot."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matchfair.web import dates
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.meetings.domain.participation import (
    ParticipationRuleError,
    change_availability,
)
from matchfair.web.meetings.forms import AvailabilityForm


@organizer_required
def organization_availability(
    request: HttpRequest, event: Event, participation_id: int
) -> HttpResponse:
    participation = get_object_or_404(
        Participation.objects.select_related("organization"), pk=participation_id, event=event
    )
    form = AvailabilityForm(
        event, participation.availability, request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            dropped = change_availability(
                participation=participation, availability=form.availability()
            )
        except ParticipationRuleError as error:
            for message in error.errors.get("availability", []):
                form.add_error(None, message)
        else:
            messages.success(request, _("Available times saved."))
            if dropped:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)d draft meeting was removed; run the scheduler again to place it.",
                        "%(count)d draft meetings were removed; run the scheduler again to place "
                        "them.",
                        dropped,
                    )
                    % {"count": dropped},
                )
            return redirect(
                "orga:edit_organization", event_id=event.pk, participation_id=participation.pk
            )
    return render(
        request,
        "orga/directory/availability.html",
        {
            "event": event,
            "form": form,
            "heading": _("When %(name)s can meet") % {"name": participation.organization.name},
            "back": reverse("orga:edit_organization", args=[event.pk, participation.pk]),
            "reader_zone_name": dates.zone_label(),
        },
    )
