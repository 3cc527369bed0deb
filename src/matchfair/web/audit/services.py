"""Writing audit entries from the services, and reading an event's trail.

Services call ``record`` inside their own transaction, so a change and its entry
are stored together or not at all (a refused move leaves no entry). An agreement's
status history is kept here too (entries ``agreement.<status>`` whose ``detail``
holds the step), so the trail is one table.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import models
from django.db.models import QuerySet

from matchfair.web import stored_text
from matchfair.web.audit.actor import current_actor
from matchfair.web.audit.labels import action_label, subject_label
from matchfair.web.audit.models import AuditEntry


def record(
    event: models.Model,
    action: str,
    subject: models.Model,
    summary: str | stored_text.Stored,
    *,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Note that the current actor did ``action`` (``meeting.moved``...) to ``subject``.

    ``detail`` holds, as JSON, what a page reads back from the entry (an agreement's
    step), so that no app keeps a second history beside this one. A summary in words
    is a ``stored_text`` message: it is kept in ``detail["summary"]`` and written in
    the reader's language; ``summary`` keeps its text in the writer's.
    """
    actor = current_actor()
    if isinstance(summary, dict):
        detail = {**(detail or {}), "summary": summary}
        summary = stored_text.render(summary)
    return AuditEntry.objects.create(
        event=event,
        actor=actor,
        actor_name=(actor.get_full_name() or actor.get_username()) if actor else "",
        action=action,
        subject=f"{subject._meta.model_name}:{subject.pk}",
        summary=summary,
        detail=detail or {},
    )


@dataclass(frozen=True)
class TrailLine:
    """One change as an organizer reads it: when, who, what, to which row.

    ``action`` and ``subject`` are the stored codes (the API's); ``action_label``,
    ``subject_label`` and ``summary`` are in the reader's language.
    """

    at: datetime
    actor: str
    action: str
    subject: str
    summary: str
    action_label: str
    subject_label: str


def _line(entry: AuditEntry) -> TrailLine:
    return TrailLine(
        entry.at,
        entry.actor_name,
        entry.action,
        entry.subject,
        stored_text.render((entry.detail or {}).get("summary"), entry.summary),
        action_label(entry.action),
        subject_label(entry.subject),
    )


def entries(event: models.Model) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(event=event)


class Trail:
    """An event's whole trail, newest first, read a slice at a time (Django's Paginator pages it)."""

    def __init__(self, event: models.Model) -> None:
        self.event = event

    def __len__(self) -> int:
        return entries(self.event).count()

    def __getitem__(self, window: slice) -> list[TrailLine]:
        return [_line(entry) for entry in entries(self.event).order_by("-at", "-id")[window]]


def trail(event: models.Model, *, limit: int = 500) -> list[TrailLine]:
    """The latest changes of the event, newest first, agreement steps included."""
    return Trail(event)[:limit]
