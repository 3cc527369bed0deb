"""The page behind the impact follow-up link: a party says how an agreement moved on, no login."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.domain.follow_up import answer_follow_up, read_follow_up_token
from matchfair.web.outcomes.forms import FollowUpForm


def follow_up(request: HttpRequest, event_id: int, token: str) -> HttpResponse:
    try:
        invitation = read_follow_up_token(token, event_id=event_id)
    except OutcomeRuleError as error:
        return render(request, "portal/follow_up.html", {"problem": str(error)}, status=404)
    agreement = invitation.agreement
    form = FollowUpForm(
        request.POST or None,
        initial={
            "status": agreement.status,
            "on": timezone.localdate(),
            "amount": agreement.amount,
            "currency": agreement.currency,
        },
    )
    done = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = answer_follow_up(
                invitation=invitation,
                status=data["status"],
                on=data["on"],
                amount=data["amount"],
                currency=data["currency"],
                note=data["note"],
            )
            done = True
        except OutcomeRuleError as error:
            field = getattr(error, "field", None)
            form.add_error(field if field in form.fields else None, str(error))
    return render(
        request,
        "portal/follow_up.html",
        {
            "invitation": invitation,
            "agreement": agreement,
            "partners": [
                party.participation.organization.name
                for party in agreement.parties.select_related("participation__organization")
                if party.participation_id != invitation.party.pk
            ],
            "form": form,
            "done": done,
            "thanks": _("Thank you, the agreement's history now shows your answer.")
            if done
            else "",
        },
    )
