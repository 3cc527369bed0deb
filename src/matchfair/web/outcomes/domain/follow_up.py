"""The impact follow-up: months after the event, each party says how an agreement moved on.

The reminder mail carries a signed link (``django.core.signing``, expiring after
``FOLLOW_UP_LINK_DAYS``) naming the event, the agreement and the party, so the party
answers without logging in. The answer goes through ``agreements.change_status`` (the
same rules and audit step as the organizer's page), so the agreement's history and
the series figures, which read that history, follow it.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _

from matchfair.web.audit.services import record
from matchfair.web.directory.models import Participation
from matchfair.web.outcomes.domain.agreements import change_status
from matchfair.web.outcomes.domain.checks import OutcomeRuleError, check_currency
from matchfair.web.outcomes.models import Agreement, AgreementParty

FOLLOW_UP_LINK_SALT = "matchfair.outcomes.follow-up"
FOLLOW_UP_LINK_DAYS = 60


@dataclass(frozen=True)
class FollowUpInvitation:
    """What a follow-up link stands for: one party of one agreement."""

    agreement: Agreement
    party: Participation


def follow_up_token(*, agreement: Agreement, party: Participation) -> str:
    """The signed token of the follow-up link for ``party`` of ``agreement``."""
    return signing.dumps(
        {"event": agreement.event_id, "agreement": agreement.pk, "party": party.pk},
        salt=FOLLOW_UP_LINK_SALT,
    )


def read_follow_up_token(token: str, *, event_id: int) -> FollowUpInvitation:
    """The agreement and party of a link; ``OutcomeRuleError`` when forged, expired or elsewhere."""
    try:
        data = signing.loads(token, salt=FOLLOW_UP_LINK_SALT, max_age=FOLLOW_UP_LINK_DAYS * 86400)
    except signing.SignatureExpired:
        raise OutcomeRuleError(
            _("This follow-up link has expired: ask the organizers for a new one.")
        ) from None
    except signing.BadSignature:
        raise OutcomeRuleError(_("This follow-up link is not valid.")) from None
    if data.get("event") != event_id:
        raise OutcomeRuleError(_("This follow-up link is not valid."))
    party = (
        AgreementParty.objects.filter(
            agreement_id=data.get("agreement"),
            agreement__event_id=event_id,
            participation_id=data.get("party"),
        )
        .select_related("agreement__event", "participation__organization")
        .first()
    )
    if party is None:
        raise OutcomeRuleError(_("This agreement no longer exists."))
    return FollowUpInvitation(agreement=party.agreement, party=party.participation)


def answer_follow_up(
    *,
    invitation: FollowUpInvitation,
    status: str,
    on: date,
    amount: Decimal | None = None,
    currency: str = "",
    note: str = "",
) -> Agreement:
    """Record a party's answer: a new status through ``change_status``, the amount if given.

    An unchanged status is recorded as a follow-up step of the history (the party
    answered, nothing moved); a new amount replaces the agreement's value, audited.
    """
    agreement = invitation.agreement
    with transaction.atomic():
        if amount is not None:
            code = check_currency(amount, currency or agreement.currency)
            Agreement.objects.filter(pk=agreement.pk).update(amount=amount, currency=code)
            agreement.amount, agreement.currency = amount, code
            record(
                agreement.event,
                "agreement.amount",
                agreement,
                f"{agreement.title}: {amount} {code}",
                detail={"amount": str(amount), "currency": code, "by": invitation.party.pk},
            )
        if status != agreement.status:
            agreement = change_status(agreement=agreement, status=status, on=on, note=note)
        else:
            record(
                agreement.event,
                "agreement.follow_up",
                agreement,
                f"{agreement.title}: {agreement.status} {note}".strip(),
                detail={"status": status, "by": invitation.party.pk, "note": note},
            )
    return agreement
