"""The organization's profile and opportunities, written in the participant's own language."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.directory.languages import language_name
from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.jobs.domain.refresh import refresh_after_edit
from matchfair.web.notify.domain.participants import (
    delete_opportunity,
    save_opportunity,
    update_profile,
)
from matchfair.web.notify.domain.portal_rules import (
    PortalRuleError,
    check_profile_open,
    rules_of,
)
from matchfair.web.notify.rules import participant_page
from matchfair.web.portal.forms import OpportunityForm, ProfileForm
from matchfair.web.portal.languages import detected_language


def _open(participation: Participation) -> str:
    """ "" while the profile may change, else the reason it may not."""
    try:
        check_profile_open(participation.event)
    except PortalRuleError as error:
        return str(error)
    return ""


@participant_page
def profile(request: HttpRequest, participation: Participation) -> HttpResponse:
    form = ProfileForm(
        request.POST or None,
        initial={
            "description": participation.description or "",
            "nace": list(participation.nace or []),
            "sectors": ", ".join(participation.sectors or []),
            "languages": ", ".join(participation.languages or []),
            "attendance": participation.attendance,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            update_profile(participation=participation, **form.cleaned_data)
        except PortalRuleError as error:
            form.add_error(error.field, str(error))
        else:
            refresh_after_edit(event=participation.event, user=request.user)
            messages.success(request, _("Your profile is saved."))
            return redirect("portal:profile", participation.pk)
    opportunities = list(participation.opportunities.all())
    return render(
        request,
        "portal/profile.html",
        {
            "section": "profile",
            "participation": participation,
            "portal_event": participation.event,
            "form": form,
            "closed": _open(participation),
            "deadline": rules_of(participation.event).profile_deadline,
            "language": language_name(detected_language(participation.description or "")),
            "opportunities": [
                (o, language_name(detected_language(f"{o.title}\n{o.description or ''}")))
                for o in opportunities
            ],
        },
    )


@participant_page
def opportunity(
    request: HttpRequest, participation: Participation, opportunity_id: int | None = None
) -> HttpResponse:
    """Add an opportunity, or change one of the organization's own."""
    existing = (
        get_object_or_404(Opportunity, pk=opportunity_id, participation=participation)
        if opportunity_id
        else None
    )
    initial = {}
    if existing is not None:
        initial = {
            "kind": existing.kind,
            "type": existing.type,
            "title": existing.title,
            "description": existing.description or "",
            "nace": list(existing.nace or []),
            "sectors": ", ".join(existing.sectors or []),
        }
    form = OpportunityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save_opportunity(participation=participation, opportunity=existing, **form.cleaned_data)
        except PortalRuleError as error:
            form.add_error(error.field, str(error))
        else:
            refresh_after_edit(event=participation.event, user=request.user)
            messages.success(request, _("The opportunity is saved."))
            return redirect("portal:profile", participation.pk)
    return render(
        request,
        "portal/opportunity.html",
        {
            "section": "profile",
            "participation": participation,
            "portal_event": participation.event,
            "form": form,
            "existing": existing,
            "closed": _open(participation),
        },
    )


@require_POST
@participant_page
def remove_opportunity(
    request: HttpRequest, participation: Participation, opportunity_id: int
) -> HttpResponse:
    existing = get_object_or_404(Opportunity, pk=opportunity_id, participation=participation)
    try:
        delete_opportunity(participation=participation, opportunity=existing)
    except PortalRuleError as error:
        messages.error(request, str(error))
    else:
        refresh_after_edit(event=participation.event, user=request.user)
        messages.success(request, _("The opportunity is deleted."))
    return redirect("portal:profile", participation.pk)
