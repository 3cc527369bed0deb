"""Read an event out of the database as ``core`` objects: for the engines and for export.

Timestamps come out in the event's time zone, so an exported file reads like the
one the organizer wrote; availability windows come out exactly as they were stored.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from matchfair import core
from matchfair.i18n import Message
from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.events.core_sessions import stored_session
from matchfair.web.events.models import Event, Interpreter, Session
from matchfair.web.events.stored_data import interpreter_error
from matchfair.web.exchange import outcomes as outcome_records
from matchfair.web.exchange.errors import opportunity_error, organization_error
from matchfair.web.meetings.models import Meeting, MeetingRequest, UnscheduledMeeting
from matchfair.web.outcomes.models import Agreement, MeetingOutcome
from matchfair.web.outcomes.queries import agreement_histories


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone)


def core_organization(participation: Participation) -> core.Organization:
    """The row as the event file's organization; a value the core refuses raises a
    ``StoredDataError`` naming the organization and the field."""
    organization = participation.organization
    try:
        return _core_organization(participation)
    except ValidationError as error:
        raise organization_error(
            error,
            name=organization.name,
            event_id=participation.event_id,
            participation_id=participation.pk,
        ) from None


def _sections(nace: list[str] | None) -> dict[str, list[str]]:
    """The ``nace`` key where a row has sections: a file without them is written without it."""
    return {"nace": list(nace)} if nace else {}


def _core_organization(participation: Participation) -> core.Organization:
    organization = participation.organization
    return core.Organization(
        id=participation.code,
        name=organization.name,
        country=organization.country or None,
        kind=organization.kind or None,
        **_sections(participation.nace),
        sectors=list(participation.sectors),
        languages=list(participation.languages),
        attendance=participation.attendance,
        delegates=participation.delegates,
        group=participation.group,
        availability=participation.availability,
        description=participation.description,
    )


MEETING_FIELDS = (
    "a_id",
    "b_id",
    "session_id",
    "start",
    "end",
    "location",
    "online",
    "interpreter_id",
)
"""What a schedule file says of a stored meeting, read without a join: ids, turned into
codes through ``_codes``, so reading a large schedule back (as every stored run does,
to validate it) loads no organization rows."""


def _codes(model: type[Participation | Session | Interpreter], event: Event) -> dict[int, str]:
    """Each of the event's rows of ``model`` by id: its code.

    The meetings and requests are read without joining them to these tables. A join
    leaves the order to the planner's statistics, and statistics taken while an import
    was still uncommitted say the participations table is empty (14 pages, 0 rows): the
    planner then nested two whole scans of it around the meetings, hundreds of times
    the work, for minutes on PostgreSQL (``docs/benchmarks.md``, 2026-12-07). One query
    per table, each on its own ``event_id`` index, cannot go wrong that way.
    """
    return dict(model.objects.filter(event=event).values_list("pk", "code"))


def meetings_of(event: Event, *, published_only: bool) -> list[core.ScheduledMeeting]:
    """The stored meetings as schedule entries, in the event's time zone and stored order."""
    zone = ZoneInfo(event.timezone)
    meetings = Meeting.objects.filter(event=event)
    if published_only:
        meetings = meetings.filter(published=True)
    organizations = _codes(Participation, event)
    sessions = _codes(Session, event)
    interpreters = _codes(Interpreter, event)
    return [
        core.ScheduledMeeting(
            a=organizations[a],
            b=organizations[b],
            session=sessions[session],
            start=_local(start, zone),
            end=_local(end, zone),
            location=location,
            online=online,
            interpreter=interpreters[interpreter] if interpreter is not None else None,
        )
        for a, b, session, start, end, location, online, interpreter in meetings.order_by(
            "position", "id"
        ).values_list(*MEETING_FIELDS)
    ]


def _outcomes(event: Event, zone: ZoneInfo) -> core.Outcomes | None:
    outcomes = list(
        MeetingOutcome.objects.filter(event=event)
        .select_related("a", "b")
        .prefetch_related("feedback__by", outcome_records.FEEDBACK_PREFETCH)
    )
    agreements = list(
        Agreement.objects.filter(event=event).prefetch_related(
            "parties__participation", *outcome_records.agreement_prefetches(event)
        )
    )
    histories = agreement_histories(event)
    added = outcome_records.event_fields(event)
    if not outcomes and not agreements and not added:
        return None
    return core.Outcomes(
        meetings=[
            core.MeetingOutcome(
                a=o.a.code,
                b=o.b.code,
                start=_local(o.start, zone),
                status=o.status,
                feedback=[
                    core.Feedback(
                        by=f.by.code,
                        result=f.result,
                        note=f.note,
                        **outcome_records.feedback_fields(f),
                    )
                    for f in o.feedback.all()
                ],
            )
            for o in outcomes
        ],
        agreements=[
            core.Agreement(
                id=a.code,
                parties=[party.participation.code for party in a.parties.all()],
                type=a.type,
                status=a.status,
                title=a.title,
                value=(
                    core.Money(amount=a.amount.normalize(), currency=a.currency)
                    if a.amount is not None
                    else None
                ),
                date=a.date,
                **outcome_records.agreement_fields(a, zone, histories.get(a.pk, [])),
            )
            for a in agreements
        ],
        **added,
    )


def core_opportunity(
    opportunity: Opportunity, *, codes: dict[int, str], names: dict[int, str]
) -> core.Opportunity:
    """The row as the event file's opportunity; a value the core refuses raises a
    ``StoredDataError`` naming the organization, the opportunity and the field."""
    try:
        return core.Opportunity(
            id=opportunity.code,
            organization=codes[opportunity.participation_id],
            kind=opportunity.kind,
            type=opportunity.type,
            title=opportunity.title,
            description=opportunity.description,
            **_sections(opportunity.nace),
            sectors=list(opportunity.sectors),
        )
    except ValidationError as error:
        raise opportunity_error(
            error,
            name=names[opportunity.participation_id],
            title=opportunity.title,
            event_id=opportunity.event_id,
            participation_id=opportunity.participation_id,
        ) from None


def core_interpreter(interpreter: Interpreter) -> core.Interpreter:
    """The row as the event file's interpreter; a value the core refuses (a language that
    is no ISO 639-1 code, a window ending before it starts) raises a ``StoredDataError``
    naming the interpreter and the field."""
    try:
        return core.Interpreter(
            id=interpreter.code,
            languages=list(interpreter.languages),
            availability=interpreter.availability,
        )
    except ValidationError as error:
        raise interpreter_error(
            error, code=interpreter.code, event_id=interpreter.event_id, row_id=interpreter.pk
        ) from None


def export_event(event: Event, *, with_results: bool = True) -> core.Event:
    """The whole event as an event file: with the published schedule and outcomes by default.

    ``with_results=False`` gives what the engines take as input: the event without
    its schedule and outcomes.
    """
    zone = ZoneInfo(event.timezone)
    participations = list(Participation.objects.filter(event=event).select_related("organization"))
    opportunities = Opportunity.objects.filter(event=event)
    requests = MeetingRequest.objects.filter(event=event).values_list(
        "requester_id", "recipient_id", "weight", "status", "mandatory", "sessions"
    )
    codes = {p.pk: p.code for p in participations}
    names = {p.pk: p.organization.name for p in participations}
    published = with_results and event.schedule_published_at is not None
    return core.Event(
        event=core.EventInfo(
            id=event.code,
            name=event.name,
            timezone=event.timezone,
            sessions=[stored_session(s, zone=zone) for s in Session.objects.filter(event=event)],
            tables=event.tables,
            online_rooms=event.online_rooms,
            match_across_groups=event.match_across_groups,
        ),
        organizations=[core_organization(p) for p in participations],
        opportunities=[core_opportunity(o, codes=codes, names=names) for o in opportunities],
        meeting_requests=[
            core.MeetingRequest(
                from_=codes[requester],
                to=codes[recipient],
                weight=weight,
                status=status,
                mandatory=mandatory,
                sessions=None if allowed is None else list(allowed),
            )
            for requester, recipient, weight, status, mandatory, allowed in requests
        ],
        interpreters=[core_interpreter(i) for i in Interpreter.objects.filter(event=event)],
        meetings=meetings_of(event, published_only=True) if published else None,
        outcomes=_outcomes(event, zone) if with_results else None,
    )


def export_schedule(event: Event) -> core.Schedule:
    """The current schedule (published and draft meetings) with the meetings left out, and why."""
    unscheduled = UnscheduledMeeting.objects.filter(event=event).values_list(
        "a_id", "b_id", "reason", "message"
    )
    organizations = _codes(Participation, event)
    return core.Schedule(
        event=event.code,
        meetings=meetings_of(event, published_only=False),
        unscheduled=[
            core.UnscheduledMeeting(
                a=organizations[a],
                b=organizations[b],
                reason=Message.from_json(message).render() if message else reason,
                message=Message.from_json(message) if message else None,
            )
            for a, b, reason, message in unscheduled
        ],
    )
