"""A participating organization's page: its agenda, the programme to sign up for, suggestions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.accounts.permissions import delegate_participation
from matchfair.web.events.models import AgendaItem
from matchfair.web.events.services import EventRuleError, cancel_sign_up, sign_up
from matchfair.web.meetings.agendas import organization_agenda
from matchfair.web.meetings.models import Recommendation


@login_required
def participant_home(request: HttpRequest, participation_id: int) -> HttpResponse:
    participation = delegate_participation(request, participation_id)
    event = participation.event
    with timezone.override(event.timezone):
        return render(
            request,
            "events/participant_home.html",
            {
                "participation": participation,
                "event": event,
                "agenda": organization_agenda(participation),
                "published": event.schedule_published_at is not None,
                "items": event.agenda_items.all(),
                "signed_up": set(participation.signups.values_list("item_id", flat=True)),
                "recommendations": Recommendation.objects.filter(
                    participation=participation
                ).select_related("partner__organization")[:10],
            },
        )


@login_required
@require_POST
def toggle_sign_up(request: HttpRequest, participation_id: int, item_id: int) -> HttpResponse:
    participation = delegate_participation(request, participation_id)
    item = get_object_or_404(AgendaItem, pk=item_id, event=participation.event)
    if request.POST.get("action") == "cancel":
        cancel_sign_up(item, participation)
        messages.success(request, _("Sign-up cancelled."))
    else:
        try:
            sign_up(item, participation)
            messages.success(request, _("Signed up."))
        except EventRuleError as error:
            messages.error(request, str(error))
    return redirect("participant_home", participation_id=participation.pk)
