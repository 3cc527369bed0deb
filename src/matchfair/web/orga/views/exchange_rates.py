"""The organizer's exchange-rate table, for one event or for its whole series."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from matchfair.web.accounts.permissions import organizer_required
from matchfair.web.events.models import Event
from matchfair.web.outcomes import services
from matchfair.web.outcomes.forms import RatesForm


@organizer_required
def exchange_rates(request: HttpRequest, event: Event) -> HttpResponse:
    form = RatesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for_series = request.POST.get("scope") == "series" and event.series is not None
        try:
            services.set_rate_table(
                base=form.cleaned_data["base"],
                rates=form.cleaned_data["rates"],
                on=form.cleaned_data["date"],
                event=None if for_series else event,
                series=event.series if for_series else None,
            )
        except services.OutcomeRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Exchange rates saved."))
            return redirect("orga:exchange_rates", event_id=event.pk)
    return render(
        request,
        "orga/exchange_rates/rates.html",
        {"event": event, "form": form, "table": services.rate_table_for(event)},
    )
