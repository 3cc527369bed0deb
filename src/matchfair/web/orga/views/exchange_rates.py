"""The organizer's exchange-rate table, for one event or for its whole series."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.exchange.outcomes import rate_table_for
from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.domain.rates import set_rate_table
from matchfair.web.outcomes.forms import RatesForm


@organizer_required
def exchange_rates(request: HttpRequest, event: Event) -> HttpResponse:
    form = RatesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for_series = request.POST.get("scope") == "series" and event.series is not None
        try:
            set_rate_table(
                base=form.cleaned_data["base"],
                rates=form.cleaned_data["rates"],
                on=form.cleaned_data["date"],
                event=None if for_series else event,
                series=event.series if for_series else None,
            )
        except OutcomeRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Exchange rates saved."))
            return redirect("orga:exchange_rates", event_id=event.pk)
    return render(
        request,
        "orga/exchange_rates/rates.html",
        {"event": event, "form": form, "table": rate_table_for(event)},
    )
