"""Store an event file (a validated ``core.Event``) in the database, all of it or nothing.

Organizations are looked up in the directory by name, country and kind, so an
organization that came to last year's edition is the same row this year; what it
brings to this edition (profile text, languages, attendance, opportunities) is
stored on its participation. Which entries an import may reuse is the directory's
rule (``directory.domain.identity.find_or_create_organizations``): only those its
importer answers for and never one that has delegates.
"""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from matchfair import core
from matchfair.web.directory.domain.identity import (
    NOBODY,
    Standing,
    find_or_create_organizations,
)
from matchfair.web.directory.models import Opportunity, Organization, Participation
from matchfair.web.events.domain.slugs import create_with_slug
from matchfair.web.events.models import Event, Interpreter, Series, Session
from matchfair.web.exchange import outcomes as outcome_records
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.outcomes.models import (
    Agreement,
    AgreementParty,
    Feedback,
    MeetingOutcome,
)

BATCH = 1000


def windows_to_json(windows: list[core.Window] | None) -> list[dict[str, str]] | None:
    """Availability as stored: the file's own ISO strings, offsets kept."""
    if windows is None:
        return None
    return [{"start": w.start.isoformat(), "end": w.end.isoformat()} for w in windows]


def participation_from(
    event: Event, organization: Organization, source: core.Organization, position: int
) -> Participation:
    return Participation(
        event=event,
        organization=organization,
        code=source.id,
        nace=list(source.nace),
        sectors=list(source.sectors),
        languages=list(source.languages),
        attendance=source.attendance,
        delegates=source.delegates,
        group=source.group,
        availability=windows_to_json(source.availability),
        description=source.description,
        position=position,
    )


def opportunity_from(
    event: Event, participation: Participation, source: core.Opportunity, position: int
) -> Opportunity:
    return Opportunity(
        event=event,
        participation=participation,
        code=source.id,
        kind=source.kind,
        type=source.type,
        title=source.title,
        description=source.description,
        nace=list(source.nace),
        sectors=list(source.sectors),
        position=position,
    )


def add_organizations(
    event: Event,
    organizations: list[core.Organization],
    first_position: int = 0,
    *,
    standing: Standing,
) -> dict[str, Participation]:
    """Participations (and directory rows where new) for the event; returns them by id.

    ``standing`` is the importer's (``directory.domain.identity.standing_of``).
    """
    directory = find_or_create_organizations(
        event=event,
        organizations=[(o.name, o.country or "", o.kind or "") for o in organizations],
        standing=standing,
    )
    participations = [
        participation_from(event, entry, o, first_position + index)
        for index, (entry, o) in enumerate(zip(directory, organizations, strict=True))
    ]
    created = Participation.objects.bulk_create(participations, batch_size=BATCH)
    return {participation.code: participation for participation in created}


def add_opportunities(
    event: Event,
    opportunities: list[core.Opportunity],
    by_code: dict[str, Participation],
    first_position: int = 0,
) -> None:
    Opportunity.objects.bulk_create(
        [
            opportunity_from(event, by_code[o.organization], o, first_position + index)
            for index, o in enumerate(opportunities)
        ],
        batch_size=BATCH,
    )


def _sessions(event: Event, sessions: list[core.Session]) -> dict[str, Session]:
    created = Session.objects.bulk_create(
        [
            Session(
                event=event,
                code=s.id,
                start=s.start,
                end=s.end,
                slot_minutes=s.slot_minutes,
                gap_minutes=s.gap_minutes,
                mode=s.mode,
                position=index,
            )
            for index, s in enumerate(sessions)
        ]
    )
    return {session.code: session for session in created}


def _interpreters(event: Event, interpreters: list[core.Interpreter]) -> dict[str, Interpreter]:
    created = Interpreter.objects.bulk_create(
        [
            Interpreter(
                event=event,
                code=i.id,
                languages=list(i.languages),
                availability=windows_to_json(i.availability),
                position=index,
            )
            for index, i in enumerate(interpreters)
        ]
    )
    return {interpreter.code: interpreter for interpreter in created}


def _requests(
    event: Event, requests: list[core.MeetingRequest], by_code: dict[str, Participation]
) -> None:
    MeetingRequest.objects.bulk_create(
        [
            MeetingRequest(
                event=event,
                requester=by_code[r.from_],
                recipient=by_code[r.to],
                weight=r.weight,
                status=r.status,
                mandatory=r.mandatory,
                sessions=None if r.sessions is None else list(r.sessions),
                position=index,
            )
            for index, r in enumerate(requests)
        ],
        batch_size=BATCH,
    )


def meeting_rows(
    event: Event,
    meetings: list[core.ScheduledMeeting],
    *,
    published: bool,
    participations: dict[str, Participation],
    sessions: dict[str, Session],
    interpreters: dict[str, Interpreter],
) -> list[Meeting]:
    """Unsaved meeting rows for scheduled meetings (of an event file or of a scheduler run)."""
    return [
        Meeting(
            event=event,
            a=participations[m.a],
            b=participations[m.b],
            session=sessions[m.session],
            start=m.start,
            end=m.end,
            location=m.location,
            online=m.online,
            interpreter=interpreters[m.interpreter] if m.interpreter else None,
            published=published,
            position=index,
        )
        for index, m in enumerate(meetings)
    ]


def store_meetings(
    event: Event,
    meetings: list[core.ScheduledMeeting],
    *,
    published: bool,
    participations: dict[str, Participation],
    sessions: dict[str, Session],
    interpreters: dict[str, Interpreter],
) -> list[Meeting]:
    """Meeting rows for the scheduled meetings of an event file, stored."""
    return Meeting.objects.bulk_create(
        meeting_rows(
            event,
            meetings,
            published=published,
            participations=participations,
            sessions=sessions,
            interpreters=interpreters,
        ),
        batch_size=BATCH,
    )


def add_outcomes(
    event: Event, outcomes: core.Outcomes, by_code: dict[str, Participation] | None = None
) -> None:
    """Store meeting outcomes and agreements (of an event file, or recorded afterwards)."""
    if by_code is None:
        by_code = {p.code: p for p in Participation.objects.filter(event=event)}
    for index, source in enumerate(outcomes.meetings):
        outcome = MeetingOutcome.objects.create(
            event=event,
            a=by_code[source.a],
            b=by_code[source.b],
            start=source.start,
            status=source.status,
            position=index,
        )
        stored = Feedback.objects.bulk_create(
            [
                Feedback(
                    outcome=outcome,
                    by=by_code[feedback.by],
                    result=feedback.result,
                    note=feedback.note,
                    position=position,
                )
                for position, feedback in enumerate(source.feedback)
            ]
        )
        outcome_records.add_feedback_records(stored, source.feedback)
    for index, source in enumerate(outcomes.agreements):
        agreement = Agreement.objects.create(
            event=event,
            code=source.id,
            type=source.type,
            status=source.status,
            title=source.title,
            amount=source.value.amount if source.value else None,
            currency=source.value.currency if source.value else "",
            date=source.date,
            position=index,
        )
        parties = AgreementParty.objects.bulk_create(
            [
                AgreementParty(agreement=agreement, participation=by_code[party], position=position)
                for position, party in enumerate(source.parties)
            ]
        )
        outcome_records.add_agreement_details(agreement, parties, source, index, by_code)
    outcome_records.add_event_details(event, outcomes, by_code)


@transaction.atomic
def import_event(
    document: core.Event,
    *,
    organizers: Iterable[AbstractBaseUser] = (),
    standing: Standing = NOBODY,
    series: Series | None = None,
    now: datetime | None = None,
) -> Event:
    """Create a new event from an event file; a failure leaves the database as it was.

    Its slug is the file's ``event.id``, suffixed (``-2``) when another event has it.

    ``standing``: what the importer answers for (``directory.domain.identity``); by default
    nothing, so that only entries no event uses are reused. The command line passes the
    operator's, who holds the database itself.
    """
    info = document.event
    # The file's id, or the next free one when another event has it (``slugs``).
    event = create_with_slug(
        base=info.id,
        typed=False,
        series=series,
        name=info.name,
        timezone=info.timezone,
        tables=info.tables,
        online_rooms=info.online_rooms,
        match_across_groups=info.match_across_groups,
        schedule_published_at=(now or timezone.now()) if document.meetings is not None else None,
    )
    event.organizers.add(*organizers)
    sessions = _sessions(event, info.sessions)
    interpreters = _interpreters(event, document.interpreters)
    by_code = add_organizations(event, document.organizations, standing=standing)
    add_opportunities(event, document.opportunities, by_code)
    _requests(event, document.meeting_requests, by_code)
    if document.meetings:
        store_meetings(
            event,
            document.meetings,
            published=True,
            participations=by_code,
            sessions=sessions,
            interpreters=interpreters,
        )
    if document.outcomes is not None:
        add_outcomes(event, document.outcomes, by_code)
    return event
