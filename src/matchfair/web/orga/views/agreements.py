"""The organizer's agreements: the list, a new agreement, and one agreement's history."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.outcomes import queries
from matchfair.web.outcomes.domain.agreements import change_status, create_agreement
from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.forms import AgreementForm, StatusForm

PAGE_SIZE = 50


@organizer_required
def agreement_list(request: HttpRequest, event: Event) -> HttpResponse:
    form = AgreementForm(event, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = create_agreement(
                event=event,
                code=data["code"],
                parties=list(data["parties"]),
                type=data["type"],
                title=data["title"],
                on=data["date"],
                amount=data["amount"],
                currency=data["currency"],
                sources=list(data["sources"]),
            )
        except OutcomeRuleError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, _("Agreement recorded as an intention."))
            return redirect("orga:agreement", event_id=event.pk, agreement_id=agreement.pk)
    agreements = queries.agreements_of(event).prefetch_related(
        "parties__participation__organization"
    )
    page = Paginator(agreements, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "orga/agreements/agreements.html",
        {"event": event, "agreements": page, "page": page, "form": form},
    )


@organizer_required
def agreement_detail(request: HttpRequest, event: Event, agreement_id: int) -> HttpResponse:
    agreement = get_object_or_404(queries.agreements_of(event), pk=agreement_id)
    form = StatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            change_status(
                agreement=agreement,
                status=form.cleaned_data["status"],
                on=form.cleaned_data["date"],
                note=form.cleaned_data["note"],
            )
        except OutcomeRuleError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, _("Status changed."))
            return redirect("orga:agreement", event_id=event.pk, agreement_id=agreement.pk)
    parties = agreement.parties.select_related("participation__organization", "confirmation")
    return render(
        request,
        "orga/agreements/agreement.html",
        {
            "event": event,
            "agreement": agreement,
            "parties": parties,
            "history": queries.agreement_history(agreement),
            "sources": agreement.sources.select_related(
                "outcome__event", "outcome__a__organization", "outcome__b__organization"
            ),
            "form": form,
        },
    )
