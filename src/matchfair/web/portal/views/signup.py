"""Joining an event: through the organizer's invitation link, or openly when the organizer allows."""

from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from matchfair.web.directory.models import Delegate
from matchfair.web.events.models import Event
from matchfair.web.notify.domain.participants import Registration, register, take_part_again
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


def _take_part_again(request: HttpRequest, event: Event, delegate: Delegate) -> HttpResponse:
    """A delegate of an earlier edition: one button makes its organization take part."""
    here = delegate.organization.participations.filter(event=event).first()
    if here is not None:
        return redirect("portal:profile", here.pk)
    if request.method == "POST":
        try:
            participation = take_part_again(event=event, delegate=delegate)
        except PortalRuleError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(organization)s takes part in %(event)s: check its profile for this edition.")
                % {"organization": delegate.organization.name, "event": event.name},
            )
            return redirect("portal:profile", participation.pk)
    return render(
        request,
        "portal/take_part_again.html",
        {"portal_event": event, "organization": delegate.organization},
    )


def join(request: HttpRequest, token: str) -> HttpResponse:
    """The organizer's invitation link: works whatever the registration mode.

    Someone logged in with a delegate account takes part as that organization instead
    of signing up a new one (the people of an earlier edition of the series).
    """
    rules = get_object_or_404(PortalRules.objects.select_related("event"), invitation_token=token)
    delegate = getattr(request.user, "delegate", None) if request.user.is_authenticated else None
    if delegate is not None:
        return _take_part_again(request, rules.event, delegate)
    return _sign_up(request, rules.event)


def register_openly(request: HttpRequest, event_id: int) -> HttpResponse:
    """Open registration: only for events whose organizer opened it."""
    event = get_object_or_404(Event, pk=event_id)
    rules = PortalRules.objects.filter(event=event).first()
    if rules is None or rules.registration != PortalRules.Registration.OPEN:
        raise Http404
    return _sign_up(request, event)
