"""Storing a scheduler run: its result fitted to the event as it is when the run ends.

A run reads the event, solves for a minute or ten, and stores its result. Meanwhile
participants accept and withdraw requests and cancel meetings in the portal
(``eventday.domain.cancellations``), and organizers remove organizations, change
sessions, move, cancel or publish meetings. Those changes take the
schedule lock, so under it the event is the one the stored meetings will belong
to, and the result is checked against it:

- a meeting whose request is no longer accepted, or whose organization is gone, is
  left out (leaving a meeting out never breaks a rule);
- a request accepted meanwhile, which the run never saw, is listed as not
  scheduled, saying so;
- anything else that no longer fits (a session's slots changed, an organization's
  availability, the published meetings) refuses the whole result, naming the
  changes: placing around them is the next run's job, not a guess made here.

Two checks guard what is stored, whatever the run returned: a published meeting the
run did not keep refuses the result (delegates hold it in their agendas; a run never
deletes it), and the whole schedule as stored, published meetings and drafts
together, is validated against rules 1-8 before the transaction commits.

The run's result arrives as ``core`` objects, and only ``exchange`` converts between
them and rows: ``exchange.schedule_runs.store_schedule`` takes the lock, reads the
event as it is now, and calls, in one transaction, ``fit_to_current_event`` (on
``core`` objects), ``store_run`` (on rows) and ``check_stored`` (on the schedule read
back), all here.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matchfair import core
from matchfair.scheduling import ReleasedMeeting, validate_schedule
from matchfair.scheduling.reasons import accepted_during_run
from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting, UnscheduledMeeting

SHOWN_PROBLEMS = 5
BATCH = 1000


class ScheduleNotStoredError(ValueError):
    """A run's result that was not stored; the message says why and what to do next."""


class ScheduleOutdatedError(ScheduleNotStoredError):
    """The event changed while the scheduler ran, so that the run's result no longer fits it."""


class PublishedMeetingsNotKeptError(ScheduleNotStoredError):
    """The run could not keep every published meeting where it is, so nothing is stored."""


class InvalidStoredScheduleError(ScheduleNotStoredError):
    """The published meetings and the run's drafts together would break a rule."""


@dataclass(frozen=True)
class FittedSchedule:
    """The result to store, what was left out of it, and the event as it is now (``current``)."""

    schedule: core.Schedule
    left_out: list[core.ScheduledMeeting]
    accepted_meanwhile: int
    current: core.Event


def _pair(meeting: core.ScheduledMeeting | core.UnscheduledMeeting) -> tuple[str, str]:
    a, b = sorted((meeting.a, meeting.b))
    return a, b


def _meeting_key(meeting: core.ScheduledMeeting) -> tuple[str, str, datetime]:
    return (*_pair(meeting), meeting.start)


def _accepted(event: core.Event) -> dict[tuple[str, str], core.RequestedMeeting]:
    return {meeting.pair: meeting for meeting in core.accepted_meetings(event)}


def fit_to_current_event(
    *,
    schedule: core.Schedule,
    read: core.Event,
    kept: list[core.ScheduledMeeting],
    current: core.Event,
    published_now: list[core.ScheduledMeeting],
) -> FittedSchedule:
    """``schedule``, computed from ``read`` keeping ``kept``, made to fit ``current``.

    ``current`` is the event as it is now (without its results) and ``published_now``
    its published meetings: read them holding the schedule lock. Raises
    ``ScheduleOutdatedError`` when the result cannot be stored.
    """
    problems: list[str] = []
    published_now = sorted(published_now, key=_meeting_key)
    if published_now != sorted(kept, key=_meeting_key):
        problems.append(_("the published meetings were changed"))

    accepted_now = _accepted(current)
    kept_keys = {_meeting_key(meeting) for meeting in kept}
    meetings: list[core.ScheduledMeeting] = []
    left_out: list[core.ScheduledMeeting] = []
    for meeting in schedule.meetings:
        still_wanted = _pair(meeting) in accepted_now or _meeting_key(meeting) in kept_keys
        (meetings if still_wanted else left_out).append(meeting)

    scheduled = {_pair(meeting) for meeting in meetings}
    accepted_then = _accepted(read)
    unseen = [
        request
        for pair, request in accepted_now.items()
        if pair not in accepted_then and pair not in scheduled
    ]
    unseen_pairs = {request.pair for request in unseen}
    organizations = {organization.id for organization in current.organizations}
    unscheduled = [
        u
        for u in schedule.unscheduled
        if u.a in organizations and u.b in organizations and _pair(u) not in unseen_pairs
    ]
    unscheduled += [
        core.UnscheduledMeeting.explained(request.a, request.b, accepted_during_run())
        for request in unseen
    ]
    fitted = schedule.model_copy(update={"meetings": meetings, "unscheduled": unscheduled})
    problems += [str(violation) for violation in validate_schedule(current, fitted)]
    if problems:
        raise ScheduleOutdatedError(_outdated_message(problems))
    return FittedSchedule(fitted, left_out, len(unseen), current)


def _shown(problems: list[str]) -> str:
    shown = "; ".join(problems[:SHOWN_PROBLEMS])
    if len(problems) > SHOWN_PROBLEMS:
        shown += " " + _("(and %(count)d more)") % {"count": len(problems) - SHOWN_PROBLEMS}
    return shown


def _outdated_message(problems: list[str]) -> str:
    return _(
        "The event changed while the scheduler ran, and its result no longer fits: "
        "%(problems)s. Nothing was stored; run the scheduler again."
    ) % {"problems": _shown(problems)}


def refuse_lost_published(
    *, event: Event, lost: list[Meeting], released: Iterable[ReleasedMeeting]
) -> None:
    """Raise ``PublishedMeetingsNotKeptError`` naming each published meeting in ``lost``, and why.

    ``lost`` are published rows (organizations selected) the result does not hold;
    ``released`` is the scheduler's account of the ones it could not keep.
    """
    if not lost:
        return
    zone = ZoneInfo(event.timezone)
    why = {(*sorted((r.a, r.b)), datetime.fromisoformat(r.start)): r.reason for r in released}
    named = []
    for meeting in lost:
        key = (*sorted((meeting.a.code, meeting.b.code)), meeting.start)
        named.append(
            _("%(a)s – %(b)s at %(start)s: %(reason)s")
            % {
                "a": meeting.a.organization.name,
                "b": meeting.b.organization.name,
                "start": meeting.start.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                "reason": why.get(key, _("the scheduler did not return it")),
            }
        )
    raise PublishedMeetingsNotKeptError(
        ngettext(
            "%(count)d published meeting cannot stay where it is: %(meetings)s. Nothing was "
            "stored and no published meeting was removed; move it on the Schedule page, then "
            "run the scheduler again.",
            "%(count)d published meetings cannot stay where they are: %(meetings)s. Nothing was "
            "stored and no published meeting was removed; move them on the Schedule page, then "
            "run the scheduler again.",
            len(lost),
        )
        % {"count": len(lost), "meetings": _shown(named)}
    )


def check_stored(*, current: core.Event, stored: core.Schedule) -> None:
    """Validate the event's whole stored schedule with the scheduler's validator (rules 1-8).

    ``stored`` is the schedule read back from the rows, published and drafts. Call it
    inside the storing transaction, after writing: raising rolls the run back.
    """
    violations = validate_schedule(current, stored)
    if violations:
        raise InvalidStoredScheduleError(
            _(
                "The published meetings and this run's meetings together break the schedule's "
                "rules: %(problems)s. Nothing was stored; run the scheduler again."
            )
            % {"problems": _shown([str(violation) for violation in violations])}
        )


def _stored_summary(
    *, kept: int, changed: int, removed: int, added: int, unscheduled: int
) -> stored_text.Stored:
    """What a stored run changed, for the audit trail, in its reader's language."""
    kept_text = stored_text.ngettext(
        "%(count)d published meeting kept", "%(count)d published meetings kept", kept
    )
    if changed:
        kept_text = stored_text.ngettext(
            "%(kept)s (%(count)d with another interpreter or table)",
            "%(kept)s (%(count)d with another interpreter or table)",
            changed,
            kept=kept_text,
        )
    return stored_text.gettext(
        "%(kept)s, %(removed)s, %(added)s, %(unscheduled)s",
        kept=kept_text,
        removed=stored_text.ngettext(
            "%(count)d draft meeting removed", "%(count)d draft meetings removed", removed
        ),
        added=stored_text.ngettext(
            "%(count)d draft meeting added", "%(count)d draft meetings added", added
        ),
        unscheduled=stored_text.ngettext(
            "%(count)d not scheduled", "%(count)d not scheduled", unscheduled
        ),
    )


def _key(a: str, b: str, start: datetime) -> tuple[frozenset[str], datetime]:
    return frozenset((a, b)), start


@transaction.atomic
def store_run(
    *,
    event: Event,
    meetings: list[Meeting],
    unscheduled: list[UnscheduledMeeting],
    released: Iterable[ReleasedMeeting] = (),
) -> None:
    """Make the stored schedule a fitted result (``fit_to_current_event``): never a mix of two runs.

    ``meetings`` and ``unscheduled`` are the fitted schedule's entries as unsaved rows
    of ``event``, in its order. Every published meeting must come back where it was:
    a result that lost one (``released`` says why) stores nothing, since delegates
    already hold it in their agendas. Kept meetings take the run's interpreter and
    table, which the run chose together with the new drafts' (as ``matchfair
    schedule --keep`` writes them); the rest replace the drafts. Call it holding the
    schedule lock, in the transaction that then runs ``check_stored``.
    """
    returned = {_key(m.a.code, m.b.code, m.start): m for m in meetings}
    # The published rows, then their organizations by id: no join of meetings to
    # participations, whose order stale statistics can make quadratic (docs/benchmarks.md).
    participations = Participation.objects.filter(event=event).select_related("organization")
    by_id = {participation.pk: participation for participation in participations}
    published = list(Meeting.objects.filter(event=event, published=True))
    for meeting in published:
        meeting.a, meeting.b = by_id[meeting.a_id], by_id[meeting.b_id]
    refuse_lost_published(
        event=event,
        lost=[m for m in published if _key(m.a.code, m.b.code, m.start) not in returned],
        released=released,
    )
    changed = 0
    for meeting in published:
        chosen = returned.pop(_key(meeting.a.code, meeting.b.code, meeting.start))
        interpreter_id = chosen.interpreter.pk if chosen.interpreter else None
        if meeting.interpreter_id != interpreter_id or meeting.location != chosen.location:
            meeting.interpreter, meeting.location = chosen.interpreter, chosen.location
            # Saved one by one; the caller tells the delegates (notify.domain.agendas).
            meeting.save(update_fields=["interpreter", "location"])
            changed += 1
    _total, deleted = Meeting.objects.filter(event=event, published=False).delete()
    removed = deleted.get(Meeting._meta.label, 0)
    UnscheduledMeeting.objects.filter(event=event).delete()
    drafts = list(returned.values())
    for position, draft in enumerate(drafts):
        draft.published, draft.position = False, position
    Meeting.objects.bulk_create(drafts, batch_size=BATCH)
    for position, row in enumerate(unscheduled):
        row.position = position
    UnscheduledMeeting.objects.bulk_create(unscheduled, batch_size=BATCH)
    record(
        event,
        "schedule.stored",
        event,
        _stored_summary(
            kept=len(published),
            changed=changed,
            removed=removed,
            added=len(drafts),
            unscheduled=len(unscheduled),
        ),
    )
