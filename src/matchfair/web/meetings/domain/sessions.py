"""Changing and deleting sessions once meetings hang on them.

A published meeting is a promise to two organizations: a change that would move it
out of its slot, or delete it, is refused with the meetings named. Draft meetings are
only the last run's proposal: a change that no longer fits them removes them, says
how many, and the next run places those pairs again. Every change is audited, inside
the same transaction and after ``lock_schedule``, like the schedule's own changes.
(Adding a session, which touches no meeting, is ``events.domain.programme``.)
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matchfair import core
from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.domain.programme import checked_session
from matchfair.web.events.models import Session
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting, MeetingRequest

SHOWN_MEETINGS = 5


@dataclass(frozen=True)
class SessionDependents:
    """What hangs on a session: published meetings block its deletion, the rest goes with it."""

    published: int
    drafts: int
    restricted_requests: int


MODE_WORDS = {
    Session.Mode.ONSITE: stored_text.gettext("on site"),
    Session.Mode.ONLINE: stored_text.gettext("online"),
    Session.Mode.HYBRID: stored_text.gettext("hybrid"),
}
"""A session's mode inside an audit summary, in the reader's words (the choices' labels)."""


def _describe(session: Session) -> stored_text.Stored:
    """The session for the audit trail: times in the reader's zone, its mode in their words."""
    return stored_text.gettext(
        "%(code)s %(start)s – %(end)s, %(slot)d+%(gap)d min, %(mode)s",
        code=session.code,
        start=stored_text.moment(session.start),
        end=stored_text.moment(session.end),
        slot=session.slot_minutes,
        gap=session.gap_minutes,
        mode=MODE_WORDS.get(session.mode, session.mode),
    )


def _meeting_list(meetings: list[Meeting]) -> str:
    # In the current zone (the organizer's pages activate the event's), not the stored UTC.
    names = [
        f"{m.a} – {m.b} {timezone.localtime(m.start):%Y-%m-%d %H:%M}"
        for m in meetings[:SHOWN_MEETINGS]
    ]
    if len(meetings) > SHOWN_MEETINGS:
        names.append("…")
    return "; ".join(names)


def _fits(meeting: Meeting, slots: set[tuple[datetime, datetime]], mode: str) -> bool:
    if (meeting.start, meeting.end) not in slots:
        return False
    if meeting.online:
        return mode != Session.Mode.ONSITE
    return mode != Session.Mode.ONLINE


def _requests_restricted_to(session: Session) -> list[MeetingRequest]:
    """Requests whose session list names this session (JSON lists: filtered here, not in SQL)."""
    return [
        request
        for request in MeetingRequest.objects.filter(
            event_id=session.event_id, sessions__isnull=False
        )
        if session.code in (request.sessions or [])
    ]


def session_dependents(*, session: Session) -> SessionDependents:
    return SessionDependents(
        published=session.meetings.filter(published=True).count(),
        drafts=session.meetings.filter(published=False).count(),
        restricted_requests=len(_requests_restricted_to(session)),
    )


@transaction.atomic
def change_session(
    *,
    session: Session,
    code: str,
    start: datetime,
    end: datetime,
    slot_minutes: int,
    gap_minutes: int,
    mode: str,
) -> int:
    """Change a session's id, times, slots or mode; returns how many draft meetings were dropped.

    Refused when a published meeting would no longer sit on one of the new slots, or
    in a mode the session still offers. Requests limited to the session follow a new id.
    """
    lock_schedule(event=session.event)
    new = checked_session(
        code=code,
        start=start,
        end=end,
        slot_minutes=slot_minutes,
        gap_minutes=gap_minutes,
        mode=mode,
    )
    if Session.objects.filter(event_id=session.event_id, code=code).exclude(pk=session.pk).exists():
        raise EventRuleError(_("A session with the id “%(code)s” exists already.") % {"code": code})
    slots = {(slot.start, slot.end) for slot in core.session_slots(new)}
    meetings = session.meetings.select_related("a__organization", "b__organization")
    misfits = [meeting for meeting in meetings if not _fits(meeting, slots, mode)]
    published = [meeting for meeting in misfits if meeting.published]
    if published:
        raise EventRuleError(
            ngettext(
                "%(count)d published meeting would no longer fit the session's slots or mode: "
                "%(meetings)s. Move it first.",
                "%(count)d published meetings would no longer fit the session's slots or mode: "
                "%(meetings)s. Move them first.",
                len(published),
            )
            % {"count": len(published), "meetings": _meeting_list(published)}
        )
    Meeting.objects.filter(pk__in=[meeting.pk for meeting in misfits]).delete()
    before, old_code = _describe(session), session.code
    if code != old_code:
        for request in _requests_restricted_to(session):
            request.sessions = [code if value == old_code else value for value in request.sessions]
            request.save(update_fields=["sessions"])
    session.code, session.start, session.end = code, start, end
    session.slot_minutes, session.gap_minutes, session.mode = slot_minutes, gap_minutes, mode
    session.save()
    summary = stored_text.gettext("%(before)s → %(after)s", before=before, after=_describe(session))
    record(session.event, "session.changed", session, _with_drafts_removed(summary, len(misfits)))
    return len(misfits)


def _with_drafts_removed(
    summary: stored_text.Stored, drafts: int, *, always: bool = False
) -> stored_text.Stored:
    """An audit summary that says how many draft meetings went with the change."""
    if not drafts and not always:
        return summary
    return stored_text.ngettext(
        "%(summary)s; %(count)d draft meeting removed",
        "%(summary)s; %(count)d draft meetings removed",
        drafts,
        summary=summary,
    )


@transaction.atomic
def delete_session(*, session: Session) -> SessionDependents:
    """Delete a session and its draft meetings; refused while it holds published meetings.

    Requests limited to this session lose it from their list; one left with no
    session may be held in any session, as a request without a list always could.
    """
    lock_schedule(event=session.event)
    dependents = session_dependents(session=session)
    if dependents.published:
        raise EventRuleError(
            ngettext(
                "The session holds %(count)d published meeting; move it to another session first.",
                "The session holds %(count)d published meetings; move them to another session "
                "first.",
                dependents.published,
            )
            % {"count": dependents.published}
        )
    for request in _requests_restricted_to(session):
        remaining = [value for value in request.sessions if value != session.code]
        request.sessions = remaining or None
        request.save(update_fields=["sessions"])
    record(
        session.event,
        "session.deleted",
        session,
        _with_drafts_removed(_describe(session), dependents.drafts, always=True),
    )
    session.delete()
    return dependents
