"""Joining an event: through the organizer's invitation link, or openly when the organizer allows."""

from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation

from matchfair.web.events.models import Event
from matchfair.web.notify.domain.participants import Registration, register
from matchfair.web.notify.domain.portal_rules import PortalRuleError
from matchfair.web.notify.models import PortalRules
from matchfair.web.portal.forms import SignUpForm


def _sign_up(request: HttpRequest, event: Event) -> HttpResponse:
    form = SignUpForm(request.POST or None, initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        try:
            delegate = register(event=event, registration=Registration(**form.cleaned_data))
        except PortalRuleError as error:
            form.add_error(error.field, str(error))
        else:
            login(request, delegate.user, backend="django.contrib.auth.backends.ModelBackend")
            participation = delegate.organization.participations.get(event=event)
            return redirect("portal:profile", participation.pk)
    return render(request, "portal/sign_up.html", {"form": form, "portal_event": event})


def join(request: HttpRequest, token: str) -> HttpResponse:
    """The organizer's invitation link: works whatever the registration mode."""
    rules = get_object_or_404(PortalRules.objects.select_related("event"), invitation_token=token)
    return _sign_up(request, rules.event)


def register_openly(request: HttpRequest, event_id: int) -> HttpResponse:
    """Open registration: only for events whose organizer opened it."""
    event = get_object_or_404(Event, pk=event_id)
    rules = PortalRules.objects.filter(event=event).first()
    if rules is None or rules.registration != PortalRules.Registration.OPEN:
        raise Http404
    return _sign_up(request, event)
