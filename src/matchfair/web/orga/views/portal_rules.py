"""The organizer's portal settings: how participants join, deadlines and the request quota."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.notify.domain.portal_rules import rules_of
from matchfair.web.notify.forms import PortalRulesForm


@organizer_required
def portal_rules(request: HttpRequest, event: Event) -> HttpResponse:
    rules = rules_of(event)
    form = PortalRulesForm(request.POST or None, instance=rules)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The portal settings are saved."))
        return redirect("orga:portal_rules", event.pk)
    return render(
        request,
        "orga/portal/rules.html",
        {
            "event": event,
            "form": form,
            "invitation_link": request.build_absolute_uri(
                reverse("portal:join", args=[rules.invitation_token])
            ),
            "open_link": request.build_absolute_uri(reverse("portal:register", args=[event.pk])),
            "open": rules.registration == rules.Registration.OPEN,
        },
    )
