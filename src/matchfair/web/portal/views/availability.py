"""When the participant's organization can meet, slot by slot, in the participant's zone."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matchfair.web import dates
from matchfair.web.directory.models import Participation
from matchfair.web.meetings.domain.participation import ParticipationRuleError
from matchfair.web.meetings.forms import AvailabilityForm
from matchfair.web.notify.domain.availability import set_own_availability
from matchfair.web.notify.domain.portal_rules import PortalRuleError, check_profile_open
from matchfair.web.notify.rules import participant_page


def _closed(participation: Participation) -> str:
    """ "" while the profile may change, else the reason it may not."""
    try:
        check_profile_open(participation.event)
    except PortalRuleError as error:
        return str(error)
    return ""


@participant_page
def availability(request: HttpRequest, participation: Participation) -> HttpResponse:
    event = participation.event
    form = AvailabilityForm(
        event, participation.availability, request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            dropped = set_own_availability(
                participation=participation, availability=form.availability()
            )
        except PortalRuleError as error:
            form.add_error(None, str(error))
        except ParticipationRuleError as error:
            for message in error.errors.get("availability", []):
                form.add_error(None, message)
        else:
            messages.success(request, _("Your available times are saved."))
            if dropped:
                messages.info(
                    request,
                    ngettext(
                        "%(count)d meeting not yet published lay outside them; the next "
                        "schedule places it again.",
                        "%(count)d meetings not yet published lay outside them; the next "
                        "schedule places them again.",
                        dropped,
                    )
                    % {"count": dropped},
                )
            return redirect("portal:availability", participation.pk)
    return render(
        request,
        "portal/availability.html",
        {
            "section": "availability",
            "participation": participation,
            "portal_event": event,
            "form": form,
            "closed": _closed(participation),
            "reader_zone_name": dates.zone_label(),
        },
    )
