"""Granting and withdrawing the check-in staff role, from the event's people and roles page."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.eventday.domain.check_in import CheckInError
from matchfair.web.eventday.domain.staff import grant_check_in_staff, withdraw_check_in_staff
from matchfair.web.eventday.forms import CheckInStaffForm
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required


@organizer_required
@require_POST
def grant(request: HttpRequest, event: Event) -> HttpResponse:
    form = CheckInStaffForm(request.POST, prefix="staff")
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else field
            messages.error(request, f"{label}: {' '.join(errors)}")
        return redirect("orga:event_people", event_id=event.pk)
    try:
        granted = grant_check_in_staff(
            event=event,
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
            site_url=request.build_absolute_uri("/"),
        )
    except CheckInError as error:
        messages.error(request, str(error))
    else:
        values = {"email": granted.user.email or granted.user.get_username()}
        messages.success(
            request,
            _("%(email)s is invited as check-in staff; the link to choose a password was sent.")
            % values
            if granted.invited
            else _("%(email)s is now check-in staff.") % values,
        )
    return redirect("orga:event_people", event_id=event.pk)


@organizer_required
@require_POST
def withdraw(request: HttpRequest, event: Event, user_id: int) -> HttpResponse:
    user = get_object_or_404(get_user_model(), pk=user_id, check_in_desks__event=event)
    try:
        withdraw_check_in_staff(event=event, user=user)
    except CheckInError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(email)s no longer checks badges in.")
            % {"email": user.email or user.get_username()},
        )
    return redirect("orga:event_people", event_id=event.pk)
