"""Editing an organization of the event, and taking it out of the event after a confirmation."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matchfair.web.directory.forms import ParticipationForm
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain import waitlists
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.jobs.domain.refresh import refresh_after_edit
from matchfair.web.meetings.domain.participation import (
    ParticipationRuleError,
    change_participation,
    shared_with_other_events,
)
from matchfair.web.outcomes.domain.participation_removal import (
    ParticipationDependents,
    participation_dependents,
)
from matchfair.web.site_url import site_url

IDENTITY = ("name", "country", "kind")


def _participation(event: Event, participation_id: int) -> Participation:
    return get_object_or_404(
        Participation.objects.select_related("organization"), pk=participation_id, event=event
    )


@organizer_required
def edit_organization(request: HttpRequest, event: Event, participation_id: int) -> HttpResponse:
    participation = _participation(event, participation_id)
    shared = shared_with_other_events(participation=participation)
    form = ParticipationForm(
        request.POST or None, initial=ParticipationForm.initial_of(participation)
    )
    if shared:
        for name in IDENTITY:
            form.fields[name].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            dropped = change_participation(participation=participation, **form.cleaned_data)
        except ParticipationRuleError as error:
            for field, errors in error.errors.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            refresh_after_edit(event=event, user=request.user)
            messages.success(request, _("Organization saved."))
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
            return redirect("orga:organizations", event_id=event.pk)
    note = (
        _(
            "This organization also takes part in other events: its name, country and kind "
            "are shared with them and cannot be changed here."
        )
        if shared
        else ""
    )
    return render(
        request,
        "orga/events/edit.html",
        {
            "event": event,
            "form": form,
            "heading": participation.organization.name,
            "note": note,
            "delete_url": "orga:remove_organization",
            "object_id": participation.pk,
            "related_links": [
                (
                    reverse("orga:participant_recommendations", args=[event.pk, participation.pk]),
                    _("Recommendations for this organization"),
                ),
                (reverse("portal:agenda", args=[participation.pk]), _("Agenda")),
                (
                    reverse("orga:organization_availability", args=[event.pk, participation.pk]),
                    _("Available times"),
                ),
            ],
        },
    )


@organizer_required
def remove_organization(request: HttpRequest, event: Event, participation_id: int) -> HttpResponse:
    participation = _participation(event, participation_id)
    name = participation.organization.name
    if request.method == "POST":
        try:
            waitlists.remove_participation(participation=participation, site_url=site_url(request))
        except EventRuleError as error:
            messages.error(request, str(error))
            return redirect(
                "orga:remove_organization", event_id=event.pk, participation_id=participation.pk
            )
        messages.success(request, _("%(name)s is no longer part of the event.") % {"name": name})
        return redirect("orga:organizations", event_id=event.pk)
    dependents = participation_dependents(participation=participation)
    blockers = []
    if dependents.published:
        blockers.append(
            ngettext(
                "It has %(count)d published meeting.",
                "It has %(count)d published meetings.",
                dependents.published,
            )
            % {"count": dependents.published}
        )
    if dependents.outcomes:
        blockers.append(
            _("Outcomes are recorded for it (meeting feedback, agreements or projects).")
        )
    removed = _removed_with_it(dependents)
    consequences = [_("Removed with it: %(what)s.") % {"what": removed}] if removed else []
    consequences.append(
        _("Its entry in the directory and its delegates' accounts stay; it can be invited again.")
    )
    return render(
        request,
        "orga/events/confirm_delete.html",
        {
            "event": event,
            "heading": _("Remove %(name)s from the event?") % {"name": name},
            "blockers": blockers,
            "consequences": consequences,
            "back_url": "orga:edit_organization",
            "object_id": participation.pk,
        },
    )


def _removed_with_it(dependents: ParticipationDependents) -> str:
    """What goes with the participation, counted, for the confirmation page."""
    parts = [
        ngettext("%(count)d meeting request", "%(count)d meeting requests", dependents.requests)
        % {"count": dependents.requests}
        if dependents.requests
        else "",
        ngettext("%(count)d draft meeting", "%(count)d draft meetings", dependents.drafts)
        % {"count": dependents.drafts}
        if dependents.drafts
        else "",
        ngettext("%(count)d opportunity", "%(count)d opportunities", dependents.opportunities)
        % {"count": dependents.opportunities}
        if dependents.opportunities
        else "",
        ngettext("%(count)d agenda sign-up", "%(count)d agenda sign-ups", dependents.sign_ups)
        % {"count": dependents.sign_ups}
        if dependents.sign_ups
        else "",
        ngettext(
            "%(count)d recommendation", "%(count)d recommendations", dependents.recommendations
        )
        % {"count": dependents.recommendations}
        if dependents.recommendations
        else "",
    ]
    return ", ".join(part for part in parts if part)
