"""The outcome records that Matchfair 0.1 added to the event file, to and from ``core``,
and an event's or series' exchange rates as the engines' ``RateTable``.

``from_database`` and ``to_database`` convert the event and call these functions for
feedback recorded by the organizer, agreement history, online confirmations,
source meetings, the event's rate table and cooperation projects (see
``docs/formats.md``). A key without a value is left out of the file rather than
written empty: an event that has none of these exports the same file as before,
which readers that predate the additions still accept.

On import the references are resolved against the event's organizations; one that
points nowhere raises the ``core.FormatError`` of a bad file, with the JSON path,
so that a document built in code (which skipped the file's reference check) fails
the same way inside the import's transaction.
"""

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, Q

from matchfair import core
from matchfair.i18n import gettext as _
from matchfair.outcomes import RateTable
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event, Series
from matchfair.web.outcomes.domain.agreements import record_step
from matchfair.web.outcomes.models import (
    Agreement,
    AgreementParty,
    AgreementSource,
    CooperationProject,
    ExchangeRate,
    ExchangeRateTable,
    ExpressionOfInterest,
    Feedback,
    FeedbackRecord,
    MeetingOutcome,
    PartyConfirmation,
)
from matchfair.web.outcomes.queries import AgreementStep

SOURCE = "<event>"
"""What a FormatError raised during an import names as its source, as ``parse_event`` does."""

FEEDBACK_PREFETCH = "feedback__record"
"""Prefetch this on meeting outcomes before ``feedback_fields``."""


def _given(**values: Any) -> dict[str, Any]:
    """Only the keys that have a value, so that empty ones stay out of the written file."""
    return {key: value for key, value in values.items() if value}


def _format_error(path: str, message: str) -> core.FormatError:
    return core.FormatError(SOURCE, [core.FormatIssue(path, message)])


def _participation(by_code: dict[str, Participation], code: str, path: str) -> Participation:
    """The event's organization ``code``; an unknown one fails like a dangling reference in a file."""
    try:
        return by_code[code]
    except KeyError:
        message = _("'{id}' is not the id of any {what}").format(id=code, what=_("organization"))
        raise _format_error(path, message) from None


# Database -> core


def feedback_fields(feedback: Feedback) -> dict[str, Any]:
    """The added keys of one feedback: whether the organizer recorded it for the side."""
    record = getattr(feedback, "record", None)
    return _given(by_organizer=record is not None and record.by_organizer)


def agreement_prefetches(event: Event) -> list[str | Prefetch[Any]]:
    """What ``agreement_fields`` reads, to prefetch on the event's agreements.

    Only source meetings of this event are exported: a meeting of another edition
    names organizations that the event file may not have.
    """
    sources = (
        AgreementSource.objects.filter(outcome__event=event)
        .select_related("outcome__a", "outcome__b")
        .order_by("id")
    )
    return ["parties__confirmation", Prefetch("sources", queryset=sources)]


def agreement_fields(
    agreement: Agreement, zone: ZoneInfo, history: list[AgreementStep]
) -> dict[str, Any]:
    """The added keys of one agreement: history (oldest first), online confirmations, sources.

    ``history`` is the agreement's entry of ``queries.agreement_histories``, read once
    for the whole event from the audit record.
    """
    return _given(
        history=[
            core.StatusChange(status=step.status, date=step.date, **_given(note=step.note))
            for step in history
        ],
        confirmed_by=[
            party.participation.code
            for party in agreement.parties.all()
            if hasattr(party, "confirmation")
        ],
        meetings=[
            core.MeetingReference(
                a=source.outcome.a.code,
                b=source.outcome.b.code,
                start=source.outcome.start.astimezone(zone),
            )
            for source in agreement.sources.all()
        ],
    )


def _core_rates(event: Event) -> core.ExchangeRates | None:
    """The event's own rate table; a series' table belongs to the series, not to one edition."""
    table = ExchangeRateTable.objects.filter(event=event).prefetch_related("rates").first()
    if table is None:
        return None
    return core.ExchangeRates(
        base=table.base,
        rates={rate.currency: rate.rate.normalize() for rate in table.rates.all()},
        **_given(date=table.date),
    )


def _core_project(project: CooperationProject) -> core.CooperationProject:
    investment = (
        core.Money(amount=project.planned_investment.normalize(), currency=project.currency)
        if project.planned_investment is not None
        else None
    )
    return core.CooperationProject(
        id=project.code or f"project-{project.pk}",
        host=project.host.code,
        title=project.title,
        published=project.published,
        **_given(
            sector=project.sector,
            location=project.location,
            planned_investment=investment,
            contact=project.contact,
            description=project.description,
            interests=[
                core.Interest(by=interest.participation.code, **_given(message=interest.message))
                for interest in project.interests.all()
            ],
        ),
    )


def _core_projects(event: Event) -> list[core.CooperationProject]:
    """Projects and interests in the order they were made, so that an imported list keeps its order."""
    interests = ExpressionOfInterest.objects.select_related("participation").order_by("id")
    projects = (
        CooperationProject.objects.filter(event=event)
        .select_related("host")
        .prefetch_related(Prefetch("interests", queryset=interests))
        .order_by("id")
    )
    return [_core_project(project) for project in projects]


def event_fields(event: Event) -> dict[str, Any]:
    """The added keys of ``outcomes``: the event's rate table and its cooperation projects."""
    return _given(rates=_core_rates(event), projects=_core_projects(event))


# core -> database


def add_feedback_records(stored: Sequence[Feedback], sources: Sequence[core.Feedback]) -> None:
    """Mark the feedback the organizer recorded; stored and sources are in the same order."""
    FeedbackRecord.objects.bulk_create(
        FeedbackRecord(feedback=feedback, by_organizer=True)
        for feedback, source in zip(stored, sources, strict=True)
        if source.by_organizer
    )


def _add_confirmations(
    parties: Sequence[AgreementParty], confirmed_by: list[str], path: str
) -> None:
    """Only a party can confirm; one named twice confirmed once (the database keeps one row)."""
    by_code = {party.participation.code: party for party in parties}
    confirmed: dict[int, AgreementParty] = {}
    for position, code in enumerate(confirmed_by):
        party = by_code.get(code)
        if party is None:
            raise _format_error(
                f"{path}.confirmed_by[{position}]",
                _("'{id}' is not a party of this agreement").format(id=code),
            )
        confirmed[party.pk] = party
    PartyConfirmation.objects.bulk_create(PartyConfirmation(party=p) for p in confirmed.values())


def _source_outcome(
    event: Event, meeting: core.MeetingReference, by_code: dict[str, Participation], path: str
) -> MeetingOutcome:
    """The stored outcome of a meeting an agreement names, whichever side the file names first."""
    a = _participation(by_code, meeting.a, f"{path}.a")
    b = _participation(by_code, meeting.b, f"{path}.b")
    outcome = (
        MeetingOutcome.objects.filter(event=event, start=meeting.start)
        .filter(Q(a=a, b=b) | Q(a=b, b=a))
        .order_by("position", "id")
        .first()
    )
    if outcome is None:
        raise _format_error(path, _("no meeting outcome of these organizations at this time"))
    return outcome


def add_agreement_details(
    agreement: Agreement,
    parties: Sequence[AgreementParty],
    source: core.Agreement,
    index: int,
    by_code: dict[str, Participation],
) -> None:
    """History, confirmations and source meetings of the agreement at ``outcomes.agreements[index]``.

    The history is written to the audit record as the file gives it, not replayed
    through the status rules: it records what happened, possibly under rules of
    another version.
    """
    path = f"outcomes.agreements[{index}]"
    for step in source.history:
        record_step(agreement=agreement, status=step.status, on=step.date, note=step.note or "")
    _add_confirmations(parties, source.confirmed_by, path)
    outcomes = dict.fromkeys(
        _source_outcome(agreement.event, meeting, by_code, f"{path}.meetings[{position}]").pk
        for position, meeting in enumerate(source.meetings)
    )
    AgreementSource.objects.bulk_create(
        AgreementSource(agreement=agreement, outcome_id=outcome) for outcome in outcomes
    )


def _add_rates(event: Event, rates: core.ExchangeRates) -> None:
    """The file's rate table becomes the event's own, replacing any it had."""
    ExchangeRateTable.objects.filter(event=event).delete()
    table = ExchangeRateTable.objects.create(event=event, base=rates.base, date=rates.date)
    ExchangeRate.objects.bulk_create(
        ExchangeRate(table=table, currency=currency, rate=rate)
        for currency, rate in rates.rates.items()
    )


def _project_from(
    event: Event, source: core.CooperationProject, host: Participation
) -> CooperationProject:
    investment = source.planned_investment
    return CooperationProject(
        event=event,
        code=source.id,
        host=host,
        title=source.title,
        sector=source.sector or "",
        location=source.location or "",
        planned_investment=investment.amount if investment else None,
        currency=investment.currency if investment else "",
        contact=source.contact or "",
        description=source.description or "",
        published=source.published,
    )


def _add_projects(
    event: Event, projects: list[core.CooperationProject], by_code: dict[str, Participation]
) -> None:
    stored = CooperationProject.objects.bulk_create(
        _project_from(
            event, source, _participation(by_code, source.host, f"outcomes.projects[{i}].host")
        )
        for i, source in enumerate(projects)
    )
    ExpressionOfInterest.objects.bulk_create(
        ExpressionOfInterest(
            project=project,
            participation=_participation(
                by_code, interest.by, f"outcomes.projects[{i}].interests[{position}].by"
            ),
            message=interest.message or "",
        )
        for i, (project, source) in enumerate(zip(stored, projects, strict=True))
        for position, interest in enumerate(source.interests)
    )


def add_event_details(
    event: Event, outcomes: core.Outcomes, by_code: dict[str, Participation]
) -> None:
    """The event's rate table and cooperation projects of an event file's ``outcomes``."""
    if outcomes.rates is not None:
        _add_rates(event, outcomes.rates)
    _add_projects(event, outcomes.projects, by_code)


# Rate tables -> the engines' RateTable


def _as_rate_table(table: ExchangeRateTable) -> RateTable:
    return RateTable(
        base=table.base,
        rates={rate.currency: rate.rate.normalize() for rate in table.rates.all()},
        date=table.date,
    )


def rate_table_for(event: Event) -> RateTable | None:
    """The rates for an event's totals: its own table, else its series' table, else none."""
    table = ExchangeRateTable.objects.filter(event=event).first()
    if table is None and event.series_id is not None:
        table = ExchangeRateTable.objects.filter(series_id=event.series_id).first()
    return _as_rate_table(table) if table is not None else None


def series_rate_table(series: Series) -> RateTable | None:
    """The rates a series' cumulative totals use: the series' own table, if it has one."""
    table = ExchangeRateTable.objects.filter(series=series).first()
    return _as_rate_table(table) if table is not None else None
