"""The first participant page, /events/my/ID/, now lives in the portal: old links lead there.

The portal's agenda shows what this page showed (the agenda, the programme to sign
up for) in the participant's own time zone, without the organizer's menu. The address
is still checked first, so a stranger learns nothing from the redirect.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.urls import reverse

from matchfair.web.directory.rules import delegate_participation


@login_required
def participant_home(request: HttpRequest, participation_id: int) -> HttpResponsePermanentRedirect:
    participation = delegate_participation(request, participation_id)
    return HttpResponsePermanentRedirect(reverse("portal:agenda", args=[participation.pk]))
