"""The organizer's rules of the event day: the cancellation cut-off, no-show grace, spot booking."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from matchfair.web.eventday.forms import DayRulesForm
from matchfair.web.eventday.queries import day_rules_of
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required


@organizer_required
def day_rules(request: HttpRequest, event: Event) -> HttpResponse:
    form = DayRulesForm(request.POST or None, instance=day_rules_of(event))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The rules of the event day are saved."))
        return redirect("orga:day_rules", event.pk)
    return render(request, "orga/eventday/day_rules.html", {"event": event, "form": form})
