"""Why a meeting cannot go to a given slot: the spec's schedule rules, in the organizer's words.

Each rule of ``formats.md`` section 2 that a hand-made move could break is checked
here against the rest of the stored schedule, and every broken one is reported, not
only the first, so the organizer sees at once what to change.
"""

from datetime import datetime

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matchfair import core
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Session
from matchfair.web.events.stored_data import StoredRow, stored_windows
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.meetings.queries import event_locations, session_slots


def _allowed_sessions(meeting: Meeting) -> frozenset[str] | None:
    """The sessions the accepted requests of the pair allow (None: any), as the spec merges them."""
    requests = MeetingRequest.objects.filter(
        Q(requester=meeting.a, recipient=meeting.b) | Q(requester=meeting.b, recipient=meeting.a),
        status=MeetingRequest.Status.ACCEPTED,
    )
    allowed: frozenset[str] | None = None
    for request in requests:
        if request.sessions is not None:
            sessions = frozenset(request.sessions)
            allowed = sessions if allowed is None else allowed & sessions
    return allowed


def _party_conflicts(
    party: Participation, slot: core.Slot, others: list[Meeting], *, name_partners: bool = True
) -> list[str]:
    reasons = []
    windows = stored_windows(
        party.availability,
        row=StoredRow.ORGANIZATION,
        row_id=party.pk,
        event_id=party.event_id,
        name=party.organization.name,
    )
    if not core.window_contains(windows, slot):
        reasons.append(
            _("%(organization)s is not available at that time.")
            % {"organization": party.organization.name}
        )
    busy = [m for m in others if party.pk in (m.a_id, m.b_id)]
    if len(busy) >= party.delegates and not name_partners:
        reasons.append(
            ngettext(
                "%(organization)s already has %(count)d meeting then.",
                "%(organization)s already has %(count)d meetings then.",
                len(busy),
            )
            % {"organization": party.organization.name, "count": len(busy)}
        )
    elif len(busy) >= party.delegates:
        reasons.append(
            ngettext(
                "%(organization)s already has %(count)d meeting then (with %(partners)s).",
                "%(organization)s already has %(count)d meetings then (with %(partners)s).",
                len(busy),
            )
            % {
                "organization": party.organization.name,
                "count": len(busy),
                "partners": ", ".join(
                    (m.b if m.a_id == party.pk else m.a).organization.name for m in busy
                ),
            }
        )
    return reasons


def _location_conflicts(meeting: Meeting, location: str | None) -> list[str]:
    """A table or room must be one of the event's own; an on-site meeting needs a table."""
    if not location:
        return [] if meeting.online else [_("An on-site meeting needs a table.")]
    if location in event_locations(meeting.event, online=meeting.online):
        return []
    if meeting.online:
        return [_("%(location)s is not an online room of this event.") % {"location": location}]
    return [_("%(location)s is not a table of this event.") % {"location": location}]


def move_conflicts(
    *,
    meeting: Meeting,
    session: Session,
    start: datetime,
    location: str | None,
    name_partners: bool = True,
) -> list[str]:
    """Everything that forbids moving ``meeting`` to ``start`` in ``session`` at ``location``.

    ``name_partners=False`` leaves out whom a busy side meets then: a participant
    booking on the spot may learn that the partner is busy, not with whom.
    """
    event = meeting.event
    slot = next((s for s in session_slots(session) if s.start == start), None)
    if slot is None:
        return [
            _("%(start)s is not the start of a slot of session %(session)s.")
            % {"start": start.isoformat(), "session": session.code}
        ]
    reasons: list[str] = []
    allowed = _allowed_sessions(meeting)
    if allowed is not None and session.code not in allowed:
        reasons.append(
            _("The request allows only the sessions %(sessions)s.")
            % {"sessions": ", ".join(sorted(allowed))}
        )
    if meeting.online and session.mode == Session.Mode.ONSITE:
        reasons.append(_("This meeting is online and the session is on site only."))
    if not meeting.online and session.mode == Session.Mode.ONLINE:
        reasons.append(_("This meeting is on site and the session is online only."))
    others = list(
        Meeting.objects.filter(event=event, start=slot.start)
        .exclude(pk=meeting.pk)
        .select_related("a__organization", "b__organization")
    )
    a = Participation.objects.select_related("organization").get(pk=meeting.a_id)
    b = Participation.objects.select_related("organization").get(pk=meeting.b_id)
    reasons += _party_conflicts(a, slot, others, name_partners=name_partners)
    reasons += _party_conflicts(b, slot, others, name_partners=name_partners)
    same_kind = [m for m in others if m.online == meeting.online]
    capacity = event.online_rooms if meeting.online else event.tables
    if capacity is not None and len(same_kind) >= capacity:
        reasons.append(
            ngettext(
                "The %(count)d online room is taken then.",
                "All %(count)d online rooms are taken then.",
                capacity,
            )
            % {"count": capacity}
            if meeting.online
            else ngettext(
                "The %(count)d table is taken then.",
                "All %(count)d tables are taken then.",
                capacity,
            )
            % {"count": capacity}
        )
    reasons += _location_conflicts(meeting, location)
    if location:
        taken = [m for m in same_kind if m.location == location]
        if taken and not name_partners:
            reasons.append(_("%(location)s is taken then.") % {"location": location})
        elif taken:
            reasons.append(
                _("%(location)s is taken then by %(a)s and %(b)s.")
                % {
                    "location": location,
                    "a": taken[0].a.organization.name,
                    "b": taken[0].b.organization.name,
                }
            )
    if meeting.interpreter_id is not None:
        interpreter = meeting.interpreter
        windows = stored_windows(
            interpreter.availability,
            row=StoredRow.INTERPRETER,
            row_id=interpreter.pk,
            event_id=interpreter.event_id,
            name=_("Interpreter %(code)s") % {"code": interpreter.code},
        )
        if not core.window_contains(windows, slot):
            reasons.append(
                _("Interpreter %(interpreter)s is not available then.")
                % {"interpreter": interpreter.code}
            )
        if any(m.interpreter_id == meeting.interpreter_id for m in others):
            reasons.append(
                _("Interpreter %(interpreter)s interprets another meeting then.")
                % {"interpreter": interpreter.code}
            )
    return reasons
