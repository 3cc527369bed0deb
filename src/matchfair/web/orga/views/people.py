"""An event's people and roles: its organizers and viewers, granted or withdrawn by e-mail."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.access.domain.roles import (
    GrantedRole,
    RoleError,
    grant_role,
    role_label,
    withdraw_role,
)
from matchfair.web.access.forms import PersonForm
from matchfair.web.access.models import EventViewer
from matchfair.web.eventday.forms import CheckInStaffForm
from matchfair.web.eventday.models import CheckInStaff
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required


@organizer_required
def people(request: HttpRequest, event: Event) -> HttpResponse:
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        role = GrantedRole(form.cleaned_data["role"])
        try:
            grant = grant_role(
                event=event,
                email=form.cleaned_data["email"],
                role=role,
                name=form.cleaned_data["name"],
                site_url=request.build_absolute_uri("/"),
            )
        except RoleError as error:
            form.add_error("email", str(error))
        else:
            values = {"email": grant.user.email, "role": role_label(role)}
            messages.success(
                request,
                _("%(email)s is invited as %(role)s; the link to choose a password was sent.")
                % values
                if grant.invited
                else _("%(email)s is now %(role)s.") % values,
            )
            return redirect("orga:event_people", event_id=event.pk)
    return render(
        request,
        "orga/access/people.html",
        {
            "event": event,
            "form": form,
            "organizers": event.organizers.order_by("last_name", "first_name", "username"),
            "check_in_staff": CheckInStaff.objects.filter(event=event)
            .select_related("user")
            .order_by("user__last_name", "user__first_name", "user__username"),
            "check_in_staff_form": CheckInStaffForm(prefix="staff"),
            "viewers": EventViewer.objects.filter(event=event)
            .select_related("user")
            .order_by("user__last_name", "user__first_name", "user__username"),
        },
    )


@organizer_required
@require_POST
def withdraw(request: HttpRequest, event: Event, user_id: int) -> HttpResponse:
    """Withdraw the posted role from a person who holds it in this event (404 otherwise)."""
    try:
        role = GrantedRole(request.POST.get("role", ""))
    except ValueError:
        raise Http404 from None
    holders = (
        event.organizers.all()
        if role == GrantedRole.ORGANIZER
        else get_user_model().objects.filter(viewed_events__event=event)
    )
    user = get_object_or_404(holders, pk=user_id)
    try:
        withdraw_role(event=event, user=user, role=role, by=request.user)
    except RoleError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(email)s is no longer %(role)s.")
            % {"email": user.email or user.get_username(), "role": role_label(role)},
        )
    return redirect("orga:event_people", event_id=event.pk)
