"""Agreements: recording one, moving it through its statuses, and signing it online.

Every step (the first, intention, included) is written to the audit record in the
transaction that makes it, with the step in the entry's ``detail``: the audit record
is the agreement's only history.
"""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from matchfair.core import agreement_dates
from matchfair.web.audit.models import AuditEntry
from matchfair.web.audit.services import record
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.outcomes.domain.checks import OutcomeRuleError, check_currency, next_position
from matchfair.web.outcomes.models import (
    Agreement,
    AgreementParty,
    AgreementSource,
    MeetingOutcome,
    PartyConfirmation,
)


def date_range_error(on: date) -> str | None:
    """The message refusing ``on`` as an agreement date (a typing slip), or None when it fits."""
    earliest, latest = agreement_dates.agreement_date_range()
    if earliest <= on <= latest:
        return None
    return _("The agreement date {date} is outside {earliest} to {latest}.").format(
        date=on.isoformat(), earliest=earliest.isoformat(), latest=latest.isoformat()
    )


def _check_date(on: date) -> None:
    if message := date_range_error(on):
        raise OutcomeRuleError(message, field="date")


def record_step(*, agreement: Agreement, status: str, on: date, note: str = "") -> AuditEntry:
    """Write one step of the agreement's history to the audit record, as it is given.

    The callers check the rules first; an imported history is stored through this too,
    unchecked, since it records what happened under the rules of its time.
    """
    return record(
        agreement.event,
        f"agreement.{status}",
        agreement,
        f"{agreement.title} ({on.isoformat()}) {note}".strip(),
        detail={"status": status, "date": on.isoformat(), "note": note},
    )


def create_agreement(
    *,
    event: Event,
    code: str,
    parties: list[Participation],
    type: str,
    title: str,
    on: date,
    amount: Decimal | None = None,
    currency: str = "",
    sources: list[MeetingOutcome] | None = None,
) -> Agreement:
    """A new agreement, as an intention, between two or more organizations of the event."""
    if len({party.pk for party in parties}) != len(parties) or len(parties) < 2:
        raise OutcomeRuleError(_("An agreement needs two or more different parties."))
    if any(party.event_id != event.pk for party in parties):
        raise OutcomeRuleError(_("Every party must take part in this event."))
    if type not in Agreement.Type.values:
        raise OutcomeRuleError(_("Unknown agreement type: {type}").format(type=type))
    if Agreement.objects.filter(event=event, code=code).exists():
        raise OutcomeRuleError(_("The agreement id '{code}' is taken.").format(code=code))
    currency = check_currency(amount, currency)
    _check_date(on)
    with transaction.atomic():
        agreement = Agreement.objects.create(
            event=event,
            code=code,
            type=type,
            status=Agreement.Status.INTENTION,
            title=title,
            amount=amount,
            currency=currency,
            date=on,
            position=next_position(Agreement.objects.filter(event=event)),
        )
        AgreementParty.objects.bulk_create(
            AgreementParty(agreement=agreement, participation=party, position=index)
            for index, party in enumerate(parties)
        )
        record_step(agreement=agreement, status=agreement.status, on=on)
        AgreementSource.objects.bulk_create(
            AgreementSource(agreement=agreement, outcome=outcome) for outcome in sources or []
        )
    return agreement


def change_status(*, agreement: Agreement, status: str, on: date, note: str = "") -> Agreement:
    """Move an agreement forward (intention -> signed -> implemented, or cancelled), with its date.

    The date must lie in the agreements' range and not before the step it follows:
    a project is not implemented before it was signed.
    """
    _check_date(on)
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if agreement_dates.transition_problem(agreement.status, status):
            raise OutcomeRuleError(
                _("An agreement cannot go from {old} to {new}.").format(
                    old=Agreement.Status(agreement.status).label,
                    new=Agreement.Status(status).label
                    if status in Agreement.Status.values
                    else status,
                ),
                field="status",
            )
        if agreement.date is not None and on < agreement.date:
            raise OutcomeRuleError(
                _(
                    "The date {date} is before {previous}, the date the agreement became {status}."
                ).format(
                    date=on.isoformat(),
                    previous=agreement.date.isoformat(),
                    status=Agreement.Status(agreement.status).label,
                ),
                field="date",
            )
        agreement.status = status
        agreement.date = on
        agreement.save(update_fields=["status", "date"])
        record_step(agreement=agreement, status=status, on=on, note=note)
    return agreement


def confirm_agreement(
    *, agreement: Agreement, party: Participation, user: AbstractBaseUser, on: date
) -> bool:
    """A party confirms an agreement online; True when this made it signed (every party confirmed)."""
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if agreement.status != Agreement.Status.INTENTION:
            raise OutcomeRuleError(_("Only an agreement not yet signed can be confirmed."))
        own = AgreementParty.objects.filter(agreement=agreement, participation=party).first()
        if own is None:
            raise OutcomeRuleError(_("Only a party to the agreement can confirm it."))
        PartyConfirmation.objects.get_or_create(party=own, defaults={"confirmed_by": user})
        waiting = AgreementParty.objects.filter(
            agreement=agreement, confirmation__isnull=True
        ).exists()
        if waiting:
            return False
        change_status(
            agreement=agreement,
            status=Agreement.Status.SIGNED,
            on=on,
            note=_("Signed online by every party."),
        )
    return True
