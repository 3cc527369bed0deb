"""The meetings reads that pages, exports and the API share.

The schedule review (slots with their meeting counts, tables, one organization), an
organization's agenda (the participant page, the printable PDF and the calendar
feed show the same one), a meeting's online room, and the recommended pairs
nobody has requested yet. Kept apart from the view functions so that each view is a
few lines and the queries stay few and bounded, however large the event (one slot,
one table or one organization at a time).
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from matchfair import core
from matchfair.web.directory.models import Participation
from matchfair.web.events.core_sessions import stored_session
from matchfair.web.events.models import AgendaItem, Event, Interpreter, Session
from matchfair.web.meetings.models import (
    Meeting,
    MeetingRequest,
    Recommendation,
    UnscheduledMeeting,
)

ONLINE = "online"


@dataclass(frozen=True)
class SlotRow:
    key: str
    session: Session
    start: datetime
    end: datetime
    meetings: int


def slot_key(session: Session, index: int) -> str:
    """A slot in a URL or a form: the session's database id and the slot's index in it."""
    return f"{session.pk}|{index}"


def session_slots(session: Session) -> list[core.Slot]:
    """The slots of a stored session, as the scheduler cuts it (times as stored, in UTC)."""
    return core.session_slots(stored_session(session))


def _meetings(event: Event, published_only: bool) -> QuerySet[Meeting]:
    """The event's meetings; published ones only for a reader who may not see drafts."""
    meetings = Meeting.objects.filter(event=event)
    return meetings.filter(published=True) if published_only else meetings


def event_slots(event: Event, *, published_only: bool = False) -> list[SlotRow]:
    """Every slot of every session, with how many meetings it holds (two queries)."""
    counts = dict(
        _meetings(event, published_only)
        .values("start")
        .annotate(n=Count("id"))
        .values_list("start", "n")
    )
    rows = []
    for session in Session.objects.filter(event=event):
        slots = session_slots(session)
        rows += [
            SlotRow(slot_key(session, s.index), session, s.start, s.end, counts.get(s.start, 0))
            for s in slots
        ]
    return rows


def with_parties(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.select_related(
        "a__organization", "b__organization", "session", "interpreter"
    ).order_by("start", "location", "pk")


def table_order(name: str | None) -> tuple[str, int]:
    """Natural order of table names: table-2 before table-10."""
    stem, _dash, number = (name or "").rpartition("-")
    return (stem, int(number)) if number.isdigit() else (name or "", 0)


def meetings_in_slot(
    event: Event, start: datetime, *, published_only: bool = False
) -> list[Meeting]:
    """The slot's meetings, tables in natural order, online meetings last."""
    meetings = with_parties(_meetings(event, published_only).filter(start=start))
    return sorted(meetings, key=lambda m: (m.online, table_order(m.location)))


def event_locations(event: Event, *, online: bool) -> list[str]:
    """The event's own tables (or online rooms), named as the scheduler names them.

    An event with a number of tables has exactly ``table-1`` to ``table-N``; one without
    a limit has the tables its busiest slot uses plus one free table, and any name a
    stored meeting already holds, so a move can always keep a meeting where it is.
    """
    prefix = "room" if online else "table"
    capacity = event.online_rooms if online else event.tables
    meetings = Meeting.objects.filter(event=event, online=online)
    if capacity is not None:
        return [f"{prefix}-{number}" for number in range(1, capacity + 1)]
    busiest = max(
        meetings.values("start").annotate(n=Count("id")).values_list("n", flat=True), default=0
    )
    names = {f"{prefix}-{number}" for number in range(1, busiest + 2)}
    names |= set(meetings.exclude(location=None).values_list("location", flat=True))
    return sorted(names, key=table_order)


def locations(event: Event, *, published_only: bool = False) -> list[str]:
    """The tables in use, in natural order (table-2 before table-10), then online."""
    meetings = _meetings(event, published_only)
    names = set(
        meetings.filter(online=False)
        .exclude(location=None)
        .values_list("location", flat=True)
        .distinct()
    )
    ordered = sorted(names, key=table_order)
    if meetings.filter(online=True).exists():
        ordered.append(ONLINE)
    return ordered


def meetings_at(event: Event, location: str, *, published_only: bool = False) -> QuerySet[Meeting]:
    meetings = _meetings(event, published_only)
    if location == ONLINE:
        return with_parties(meetings.filter(online=True))
    return with_parties(meetings.filter(location=location, online=False))


def meetings_of_participation(
    event: Event, participation_id: int, *, published_only: bool = False
) -> QuerySet[Meeting]:
    return with_parties(
        _meetings(event, published_only).filter(Q(a_id=participation_id) | Q(b_id=participation_id))
    )


def room_link(meeting: Meeting) -> str:
    """A stable, hard-to-guess room name per meeting, put into MATCHFAIR_ONLINE_ROOM_URL.

    The online room of a meeting: a link from the configured URL template (Jitsi Meet
    by default).
    """
    seed = f"{settings.SECRET_KEY}:{meeting.event_id}:{meeting.pk}".encode()
    room = f"{meeting.event_id}-{meeting.pk}-{hashlib.sha256(seed).hexdigest()[:12]}"
    return settings.MATCHFAIR_ONLINE_ROOM_URL.format(room=room)


@dataclass(frozen=True)
class AgendaEntry:
    start: datetime
    end: datetime
    title: str
    place: str
    link: str = ""
    interpreter: str = ""
    partner: Participation | None = None
    meeting_id: int | None = None


def organization_agenda(
    participation: Participation, *, published_only: bool = True
) -> list[AgendaEntry]:
    """Meetings (published ones, unless the organizer previews drafts) and signed-up items.

    One organization's agenda in time order: the participant page and the printable
    PDF show the same agenda, built here once.
    """
    meetings = (
        Meeting.objects.filter(Q(a=participation) | Q(b=participation))
        .select_related("a__organization", "b__organization", "interpreter")
        .order_by("start")
    )
    if published_only:
        meetings = meetings.filter(published=True)
    entries = []
    for meeting in meetings:
        partner = meeting.b if meeting.a_id == participation.pk else meeting.a
        entries.append(
            AgendaEntry(
                start=meeting.start,
                end=meeting.end,
                title=partner.organization.name,
                place=meeting.location or "",
                link=room_link(meeting) if meeting.online else "",
                interpreter=meeting.interpreter.code if meeting.interpreter else "",
                partner=partner,
                meeting_id=meeting.pk,
            )
        )
    items = AgendaItem.objects.filter(signups__participation=participation)
    entries += [
        AgendaEntry(start=item.start, end=item.end, title=item.title, place=item.place)
        for item in items
    ]
    return sorted(entries, key=lambda entry: entry.start)


@dataclass(frozen=True)
class SuggestedPair:
    first: Participation
    second: Participation
    score: float
    reasons: list[str]


def suggested_pairs(event: Event, count: int = 20) -> list[SuggestedPair]:
    """The best-scored recommended pairs that nobody has requested yet, each pair once."""
    requested = {
        frozenset(pair)
        for pair in MeetingRequest.objects.filter(event=event).values_list(
            "requester_id", "recipient_id"
        )
    }
    pairs: list[SuggestedPair] = []
    recommendations = (
        Recommendation.objects.filter(event=event)
        .select_related("participation__organization", "partner__organization")
        .order_by("-score", "pk")
    )
    for recommendation in recommendations[: count * 10]:
        key = frozenset((recommendation.participation_id, recommendation.partner_id))
        if key in requested:
            continue
        requested.add(key)
        pairs.append(
            SuggestedPair(
                recommendation.participation,
                recommendation.partner,
                recommendation.score,
                list(recommendation.reasons),
            )
        )
        if len(pairs) == count:
            break
    return pairs


@dataclass(frozen=True)
class UnplacedRequest:
    """An accepted request that no meeting of the schedule carries out.

    ``reason`` is why the latest scheduler run left it out, as stored (a message to
    write in the reader's language, or an old row's text); None when no run has tried
    since it was accepted (it was accepted after the last run).
    """

    request: MeetingRequest
    reason: dict | str | None


def _pair(a_id: int, b_id: int) -> frozenset[int]:
    return frozenset((a_id, b_id))


def _stored_reasons(rows: QuerySet[UnscheduledMeeting]) -> dict[frozenset[int], dict | str]:
    """Each pair's reason as ``UnscheduledMeeting.stored_reason`` gives it, read without rows."""
    return {
        _pair(a, b): message or reason
        for a, b, message, reason in rows.values_list("a", "b", "message", "reason")
    }


def unplaced_of(event: Event, requests: Iterable[MeetingRequest]) -> dict[int, UnplacedRequest]:
    """Which of ``requests`` are accepted but on no agenda, by request id (two queries).

    The pages that list requests mark these, so that "accepted" never hides a
    meeting that will not take place.
    """
    accepted = [r for r in requests if r.status == MeetingRequest.Status.ACCEPTED]
    if not accepted:
        return {}
    parties = {r.requester_id for r in accepted} | {r.recipient_id for r in accepted}
    near = Q(a_id__in=parties) | Q(b_id__in=parties)
    met = {_pair(a, b) for a, b in Meeting.objects.filter(near, event=event).values_list("a", "b")}
    reasons = _stored_reasons(UnscheduledMeeting.objects.filter(near, event=event))
    return {
        r.pk: UnplacedRequest(r, reasons.get(_pair(r.requester_id, r.recipient_id)))
        for r in accepted
        if _pair(r.requester_id, r.recipient_id) not in met
    }


def mark_unplaced(event: Event, requests: Iterable[MeetingRequest]) -> list[MeetingRequest]:
    """The requests, each with ``unplaced`` set: its ``UnplacedRequest``, or None when it is
    not an accepted request left off the schedule (what the request lists show)."""
    rows = list(requests)
    found = unplaced_of(event, rows)
    for row in rows:
        row.unplaced = found.get(row.pk)  # type: ignore[attr-defined]
    return rows


def unplaced_requests(event: Event) -> list[UnplacedRequest]:
    """Every accepted request of the event on no agenda, one per pair, in request order.

    The database finds them (a request without a meeting of its pair): the schedule
    page of a 2,000-organization event holds about 10,000 accepted requests, and only
    the few left unplaced are loaded as rows.
    """
    # Two lookups, one per direction, on the sides alone (a participation is of one
    # event): each uses the index on the meeting's first side. With an OR, or with the
    # event in the lookup, SQLite scans the event's meetings per request (15-20 s).
    forward = Meeting.objects.filter(a=OuterRef("requester"), b=OuterRef("recipient"))
    backward = Meeting.objects.filter(a=OuterRef("recipient"), b=OuterRef("requester"))
    rows = (
        MeetingRequest.objects.filter(event=event, status=MeetingRequest.Status.ACCEPTED)
        .filter(~Exists(forward), ~Exists(backward))
        .select_related("requester__organization", "recipient__organization")
    )
    open_requests: dict[frozenset[int], MeetingRequest] = {}
    for row in rows:
        open_requests.setdefault(_pair(row.requester_id, row.recipient_id), row)
    if not open_requests:
        return []
    reasons = _stored_reasons(UnscheduledMeeting.objects.filter(event=event))
    return [UnplacedRequest(row, reasons.get(pair)) for pair, row in open_requests.items()]


def unplaced_for(participation: Participation) -> list[tuple[Participation, UnplacedRequest]]:
    """The partner and the unplaced request of each accepted request of one organization
    that is on no agenda: what its agenda page lists under the meetings."""
    requests = MeetingRequest.objects.filter(
        Q(requester=participation) | Q(recipient=participation),
        status=MeetingRequest.Status.ACCEPTED,
    ).select_related("requester__organization", "recipient__organization")
    found: dict[int, tuple[Participation, UnplacedRequest]] = {}
    for item in unplaced_of(participation.event, requests).values():
        request = item.request
        partner = (
            request.recipient if request.requester_id == participation.pk else request.requester
        )
        found.setdefault(partner.pk, (partner, item))
    return list(found.values())


@dataclass(frozen=True)
class InterpreterRow:
    """An interpreter with how many meetings it is assigned to, for the list page and the API."""

    interpreter: Interpreter
    published: int
    drafts: int


def interpreter_rows(event: Event) -> list[InterpreterRow]:
    """The event's interpreters in their order, with their assignments counted (one query)."""
    interpreters = Interpreter.objects.filter(event=event).annotate(
        published=Count("meetings", filter=Q(meetings__published=True)),
        drafts=Count("meetings", filter=Q(meetings__published=False)),
    )
    return [InterpreterRow(i, i.published, i.drafts) for i in interpreters]
