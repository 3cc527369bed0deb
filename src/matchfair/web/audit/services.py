"""Writing audit entries from the services, and reading an event's trail.

Services call ``record`` inside their own transaction, so a change and its entry
are stored together or not at all (a refused move leaves no entry). The trail also
shows the agreements' status history, which the outcomes app keeps with its author.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.db.models import QuerySet

from matchfair.web.audit.actor import current_actor
from matchfair.web.audit.models import AuditEntry
from matchfair.web.outcomes.models import AgreementStatusChange


def record(event: models.Model, action: str, subject: models.Model, summary: str) -> AuditEntry:
    """Note that the current actor did ``action`` (``meeting.moved``...) to ``subject``."""
    actor = current_actor()
    return AuditEntry.objects.create(
        event=event,
        actor=actor,
        actor_name=(actor.get_full_name() or actor.get_username()) if actor else "",
        action=action,
        subject=f"{subject._meta.model_name}:{subject.pk}",
        summary=summary,
    )


@dataclass(frozen=True)
class TrailLine:
    """One change as an organizer reads it: when, who, what, to which row."""

    at: datetime
    actor: str
    action: str
    subject: str
    summary: str


def entries(event: models.Model) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(event=event)


def _change_line(change: AgreementStatusChange) -> TrailLine:
    return TrailLine(
        change.recorded_at,
        (change.recorded_by.get_full_name() or change.recorded_by.get_username())
        if change.recorded_by
        else "",
        f"agreement.{change.status}",
        f"agreement:{change.agreement_id}",
        f"{change.agreement.title} ({change.date.isoformat()}) {change.note}".strip(),
    )


class Trail:
    """An event's whole trail, newest first, read a slice at a time (Django's Paginator pages it).

    The trail merges two tables; the lines of a slice ending at ``stop`` are among the
    first ``stop`` rows of each, so a page reads two bounded queries, however long
    the trail.
    """

    def __init__(self, event: models.Model) -> None:
        self.event = event

    def _changes(self) -> QuerySet[AgreementStatusChange]:
        return AgreementStatusChange.objects.filter(agreement__event=self.event)

    def __len__(self) -> int:
        return entries(self.event).count() + self._changes().count()

    def __getitem__(self, window: slice) -> list[TrailLine]:
        stop = window.stop if window.stop is not None else len(self)
        lines = [
            TrailLine(e.at, e.actor_name, e.action, e.subject, e.summary)
            for e in entries(self.event).order_by("-at", "-id")[:stop]
        ]
        changes = (
            self._changes()
            .select_related("agreement", "recorded_by")
            .order_by("-recorded_at", "-id")[:stop]
        )
        lines += [_change_line(change) for change in changes]
        return sorted(lines, key=lambda line: line.at, reverse=True)[window]


def trail(event: models.Model, *, limit: int = 500) -> list[TrailLine]:
    """The latest changes of the event, newest first: audit entries and agreement steps."""
    return Trail(event)[:limit]
