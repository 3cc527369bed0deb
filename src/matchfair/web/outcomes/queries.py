"""The reads of outcomes that pages, the API and the event file share.

The outcome overview pairs published meetings with what each side reported; an
agreement's history is read from the audit record, where every status change is
written (there is no second history to keep in step).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet

from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting
from matchfair.web.outcomes.models import Agreement, Feedback, MeetingOutcome

MAX_FILTERED_MEETINGS = 500
"""Above this many meetings, the outcomes are read for the whole event rather than by id."""

STEP_ACTIONS = tuple(f"agreement.{status}" for status in Agreement.Status.values)
"""The audit actions of an agreement's steps: ``agreement.signed``..."""


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


def waiting_parties(agreement: Agreement) -> list[Participation]:
    """The parties that have not confirmed an agreement signed online yet."""
    return [
        party.participation
        for party in agreement.parties.filter(confirmation__isnull=True).select_related(
            "participation__organization"
        )
    ]


@dataclass(frozen=True)
class AgreementStep:
    """One step of an agreement's history (intention, signed, implemented, cancelled), on a date."""

    status: str
    date: date
    note: str
    actor_name: str
    recorded_at: datetime

    @property
    def status_label(self) -> str:
        return str(Agreement.Status(self.status).label)


def _step(entry: AuditEntry) -> AgreementStep:
    return AgreementStep(
        status=entry.detail["status"],
        date=date.fromisoformat(entry.detail["date"]),
        note=entry.detail.get("note", ""),
        actor_name=entry.actor_name,
        recorded_at=entry.at,
    )


def _step_entries(event_id: int) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(event_id=event_id, action__in=STEP_ACTIONS).order_by("id")


def _oldest_first(steps: list[tuple[int, AgreementStep]]) -> list[AgreementStep]:
    """By date, and in the order they were recorded on the same date."""
    return [step for _id, step in sorted(steps, key=lambda pair: (pair[1].date, pair[0]))]


def agreement_history(agreement: Agreement) -> list[AgreementStep]:
    """The agreement's steps, oldest first."""
    entries = _step_entries(agreement.event_id).filter(subject=f"agreement:{agreement.pk}")
    return _oldest_first([(entry.pk, _step(entry)) for entry in entries])


def agreement_histories(event: Event) -> dict[int, list[AgreementStep]]:
    """The steps of every agreement of the event by agreement id, in one query (for the event file)."""
    found: dict[int, list[tuple[int, AgreementStep]]] = defaultdict(list)
    for entry in _step_entries(event.pk):
        found[int(entry.subject.removeprefix("agreement:"))].append((entry.pk, _step(entry)))
    return {pk: _oldest_first(steps) for pk, steps in found.items()}
