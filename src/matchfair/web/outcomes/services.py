"""The rules of outcomes: meeting feedback, agreements and their history, online signing,
exchange-rate tables, and cooperation projects whose expressions of interest become
meeting requests.

Views, forms and commands call these functions and nothing else writes these models,
so a rule (an agreement is signed online only when every party confirmed) holds
whichever page or command made the change.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pycountry
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.db import transaction
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from matchfair import outcomes
from matchfair.core import agreement_dates
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event, Series
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.outcomes.models import (
    Agreement,
    AgreementParty,
    AgreementSource,
    AgreementStatusChange,
    CooperationProject,
    ExchangeRate,
    ExchangeRateTable,
    ExpressionOfInterest,
    Feedback,
    FeedbackRecord,
    MeetingOutcome,
    PartyConfirmation,
)

FEEDBACK_LINK_SALT = "matchfair.outcomes.feedback"
FEEDBACK_LINK_DAYS = 90


class OutcomeRuleError(ValueError):
    """A change the outcome rules forbid; the message says why, in the user's language.

    ``field`` names the input at fault when there is one (``date``), so that a form
    shows the message beside that field and the API names it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


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


MAX_FILTERED_MEETINGS = 500
"""Above this many meetings, the outcomes are read for the whole event rather than by id."""


def _next_position(queryset: QuerySet[Any]) -> int:
    return (queryset.aggregate(Max("position"))["position__max"] or 0) + 1


# Meeting feedback


@dataclass(frozen=True)
class OutcomeRow:
    """A published meeting with what each side reported, for the organizer's overview."""

    meeting: Meeting
    outcome: MeetingOutcome | None
    feedback_a: Feedback | None
    feedback_b: Feedback | None

    @property
    def missing(self) -> list[Participation]:
        """The sides still to chase: both when nobody reported, else those without a result."""
        if self.outcome is None:
            return [self.meeting.a, self.meeting.b]
        if self.outcome.status != MeetingOutcome.Status.HELD:
            return []
        return [
            side
            for side, feedback in (
                (self.meeting.a, self.feedback_a),
                (self.meeting.b, self.feedback_b),
            )
            if feedback is None
        ]


def published_meetings(event: Event) -> QuerySet[Meeting]:
    """The event's published meetings in the order of the outcome overview."""
    return (
        Meeting.objects.filter(event=event, published=True)
        .select_related("a__organization", "b__organization")
        .order_by("start", "position", "id")
    )


def outcome_rows(event: Event, meetings: Iterable[Meeting] | None = None) -> list[OutcomeRow]:
    """Published meetings of the event (all, or ``meetings``: one page) with their outcomes.

    Only the outcomes of the meetings asked for are read, so a page of a large event
    costs the same as a small event.
    """
    meetings = list(published_meetings(event) if meetings is None else meetings)
    outcomes = MeetingOutcome.objects.filter(event=event).prefetch_related("feedback")
    if len(meetings) < MAX_FILTERED_MEETINGS:
        outcomes = outcomes.filter(
            a_id__in={meeting.a_id for meeting in meetings},
            start__in={meeting.start for meeting in meetings},
        )
    found = {(o.a_id, o.b_id, o.start): o for o in outcomes}
    rows = []
    for meeting in meetings:
        outcome = found.get((meeting.a_id, meeting.b_id, meeting.start))
        by_side = {f.by_id: f for f in outcome.feedback.all()} if outcome else {}
        rows.append(
            OutcomeRow(meeting, outcome, by_side.get(meeting.a_id), by_side.get(meeting.b_id))
        )
    return rows


def report_meeting(
    meeting: Meeting,
    side: Participation,
    *,
    status: str,
    result: str | None,
    note: str = "",
    user: AbstractBaseUser | None = None,
    by_organizer: bool = False,
) -> MeetingOutcome:
    """Record one side's report: whether the meeting took place and, if held, its result.

    A later report of the same side replaces its earlier one. The meeting's status is
    the latest one reported, since either side may correct it.
    """
    if side.pk not in (meeting.a_id, meeting.b_id):
        raise OutcomeRuleError(_("Only the two sides of a meeting can report on it."))
    if status not in MeetingOutcome.Status.values:
        raise OutcomeRuleError(_("Unknown meeting status: {status}").format(status=status))
    held = status == MeetingOutcome.Status.HELD
    if held and result not in Feedback.Result.values:
        raise OutcomeRuleError(_("Say what the meeting led to."))
    if not held and result:
        raise OutcomeRuleError(_("A meeting that did not take place has no result."))
    with transaction.atomic():
        outcome, created = MeetingOutcome.objects.select_for_update().get_or_create(
            event_id=meeting.event_id,
            a_id=meeting.a_id,
            b_id=meeting.b_id,
            start=meeting.start,
            defaults={
                "status": status,
                "position": _next_position(
                    MeetingOutcome.objects.filter(event_id=meeting.event_id)
                ),
            },
        )
        if not created and outcome.status != status:
            outcome.status = status
            outcome.save(update_fields=["status"])
        if not held:
            Feedback.objects.filter(outcome=outcome, by=side).delete()
            return outcome
        feedback, _created = Feedback.objects.update_or_create(
            outcome=outcome,
            by=side,
            defaults={"result": result, "note": note or None},
            create_defaults={
                "result": result,
                "note": note or None,
                "position": _next_position(outcome.feedback.all()),
            },
        )
        FeedbackRecord.objects.update_or_create(
            feedback=feedback, defaults={"recorded_by": user, "by_organizer": by_organizer}
        )
    return outcome


def request_missing_feedback(event: Event, site_url: str = "") -> int:
    """Ask every side still to report a published meeting, in its portal inbox and by e-mail.

    Each side gets its own feedback link, so the answer needs no login. Returns how
    many sides were asked.
    """
    asked = 0
    zone = ZoneInfo(event.timezone)
    for row in outcome_rows(event):
        for side in row.missing:
            partner = row.meeting.b if side.pk == row.meeting.a_id else row.meeting.a
            when = row.meeting.start.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            link = reverse("portal:meeting_feedback", args=[feedback_token(row.meeting, side)])
            notify(
                side,
                lambda partner=partner, when=when: _(
                    "How did your meeting with {partner} ({when}) go? "
                    "Tell us in one step with the link below, no login needed."
                ).format(partner=partner.organization.name, when=when),
                subject=lambda partner=partner: _(
                    "Your meeting with {partner}: how did it go?"
                ).format(partner=partner.organization.name),
                link=link,
                site_url=site_url,
            )
            asked += 1
    return asked


@dataclass(frozen=True)
class FeedbackInvitation:
    """What a feedback link in an e-mail stands for: one side of one meeting."""

    meeting: Meeting
    side: Participation


def feedback_token(meeting: Meeting, side: Participation) -> str:
    """A signed token for the e-mail link that lets a side report without logging in."""
    return signing.dumps({"meeting": meeting.pk, "side": side.pk}, salt=FEEDBACK_LINK_SALT)


def read_feedback_token(token: str) -> FeedbackInvitation:
    """The meeting and side of a feedback link; OutcomeRuleError when forged, stale or obsolete."""
    try:
        data = signing.loads(token, salt=FEEDBACK_LINK_SALT, max_age=FEEDBACK_LINK_DAYS * 86400)
    except signing.BadSignature:
        raise OutcomeRuleError(_("This feedback link is invalid or has expired.")) from None
    meeting = Meeting.objects.filter(pk=data["meeting"]).select_related("a", "b").first()
    if meeting is None or data["side"] not in (meeting.a_id, meeting.b_id):
        raise OutcomeRuleError(_("This meeting no longer exists."))
    side = meeting.a if meeting.a_id == data["side"] else meeting.b
    return FeedbackInvitation(meeting=meeting, side=side)


# Agreements


def _check_currency(amount: Decimal | None, currency: str) -> str:
    if amount is None:
        if currency:
            raise OutcomeRuleError(_("A currency needs an amount."))
        return ""
    if amount < 0:
        raise OutcomeRuleError(_("An amount cannot be negative."))
    code = currency.upper()
    if pycountry.currencies.get(alpha_3=code) is None:
        raise OutcomeRuleError(
            _("'{currency}' is not an ISO 4217 currency code.").format(currency=currency)
        )
    return code


def create_agreement(
    event: Event,
    *,
    code: str,
    parties: list[Participation],
    type: str,
    title: str,
    on: date,
    amount: Decimal | None = None,
    currency: str = "",
    sources: list[MeetingOutcome] | None = None,
    user: AbstractBaseUser | None = None,
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
    currency = _check_currency(amount, currency)
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
            position=_next_position(Agreement.objects.filter(event=event)),
        )
        AgreementParty.objects.bulk_create(
            AgreementParty(agreement=agreement, participation=party, position=index)
            for index, party in enumerate(parties)
        )
        AgreementStatusChange.objects.create(
            agreement=agreement, status=agreement.status, date=on, recorded_by=user
        )
        AgreementSource.objects.bulk_create(
            AgreementSource(agreement=agreement, outcome=outcome) for outcome in sources or []
        )
    return agreement


def change_status(
    agreement: Agreement,
    status: str,
    *,
    on: date,
    note: str = "",
    user: AbstractBaseUser | None = None,
) -> Agreement:
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
        AgreementStatusChange.objects.create(
            agreement=agreement, status=status, date=on, note=note, recorded_by=user
        )
    return agreement


def status_history(agreement: Agreement) -> list[AgreementStatusChange]:
    """The agreement's steps, oldest first."""
    return list(agreement.history.order_by("date", "id"))


def confirm_agreement(
    agreement: Agreement, party: Participation, user: AbstractBaseUser, *, on: date
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
            agreement,
            Agreement.Status.SIGNED,
            on=on,
            note=_("Signed online by every party."),
            user=user,
        )
    return True


def waiting_parties(agreement: Agreement) -> list[Participation]:
    """The parties that have not confirmed an agreement signed online yet."""
    return [
        party.participation
        for party in agreement.parties.filter(confirmation__isnull=True).select_related(
            "participation__organization"
        )
    ]


# Exchange rates


def set_rate_table(
    *,
    base: str,
    rates: dict[str, Decimal],
    on: date | None = None,
    event: Event | None = None,
    series: Series | None = None,
) -> ExchangeRateTable:
    """Replace the exchange-rate table of an event or a series."""
    if (event is None) == (series is None):
        raise OutcomeRuleError(_("A rate table belongs to one event or one series."))
    base = _check_currency(Decimal(1), base)
    checked = {_check_currency(Decimal(1), code): rate for code, rate in rates.items()}
    if any(rate <= 0 for rate in checked.values()):
        raise OutcomeRuleError(_("Exchange rates must be greater than zero."))
    with transaction.atomic():
        ExchangeRateTable.objects.filter(event=event, series=series).delete()
        table = ExchangeRateTable.objects.create(event=event, series=series, base=base, date=on)
        ExchangeRate.objects.bulk_create(
            ExchangeRate(table=table, currency=code, rate=rate)
            for code, rate in checked.items()
            if code != base
        )
    return table


def rate_table_for(event: Event) -> outcomes.RateTable | None:
    """The rates for an event's totals: its own table, else its series' table, else none."""
    table = ExchangeRateTable.objects.filter(event=event).first()
    if table is None and event.series_id is not None:
        table = ExchangeRateTable.objects.filter(series_id=event.series_id).first()
    return _as_rate_table(table) if table is not None else None


def _as_rate_table(table: ExchangeRateTable) -> outcomes.RateTable:
    return outcomes.RateTable(
        base=table.base,
        rates={rate.currency: rate.rate.normalize() for rate in table.rates.all()},
        date=table.date,
    )


# Cooperation projects


def create_project(
    event: Event,
    host: Participation,
    *,
    title: str,
    sector: str,
    location: str,
    contact: str,
    planned_investment: Decimal | None = None,
    currency: str = "",
    description: str = "",
    published: bool = False,
) -> CooperationProject:
    """A project of a host city or district taking part in the event."""
    if host.event_id != event.pk:
        raise OutcomeRuleError(_("The host must take part in this event."))
    return CooperationProject.objects.create(
        event=event,
        host=host,
        title=title,
        sector=sector,
        location=location,
        contact=contact,
        planned_investment=planned_investment,
        currency=_check_currency(planned_investment, currency),
        description=description,
        published=published,
    )


def express_interest(
    project: CooperationProject, participation: Participation, message: str = ""
) -> ExpressionOfInterest:
    """A participant's interest in a published project, sent to the host as a meeting request."""
    if not project.published:
        raise OutcomeRuleError(_("This project is not published."))
    if participation.event_id != project.event_id:
        raise OutcomeRuleError(_("Only participants of the event can express interest."))
    if participation.pk == project.host_id:
        raise OutcomeRuleError(_("The host cannot express interest in its own project."))
    if ExpressionOfInterest.objects.filter(project=project, participation=participation).exists():
        raise OutcomeRuleError(_("You have already expressed interest in this project."))
    with transaction.atomic():
        request = MeetingRequest.objects.create(
            event_id=project.event_id,
            requester=participation,
            recipient_id=project.host_id,
            status=MeetingRequest.Status.REQUESTED,
            position=_next_position(MeetingRequest.objects.filter(event_id=project.event_id)),
        )
        return ExpressionOfInterest.objects.create(
            project=project, participation=participation, message=message, request=request
        )


def series_rate_table(series: Series) -> outcomes.RateTable | None:
    """The rates a series' cumulative totals use: the series' own table, if it has one."""
    table = ExchangeRateTable.objects.filter(series=series).first()
    return _as_rate_table(table) if table is not None else None
