"""Two participants book a meeting on the spot, into a free table or online room, today.

The booking is the organizer's "place by hand" (``meetings.domain.placement``) done by
a participant: under the schedule lock every rule is checked again against the rows as
they are now (another booking may have taken the last table a moment ago), the lowest
free table or room is taken, and an interpreter when the two share no language. The
pair's request is accepted (or made, accepted), the meeting is published at once, the
partner is told, and the audit trail records who booked it. Published meetings never
move: a booking only fills what is free.
"""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.models import SpotBooking
from matchfair.web.eventday.spot_slots import pair_request, rest_of_day, spot_refusal
from matchfair.web.events.models import Session
from matchfair.web.meetings.domain.conflicts import move_conflicts
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.placement import (
    free_places,
    interpreters_for,
    place_request,
    unplaced_meeting,
)
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.meetings.queries import event_locations, session_slots
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.outbox.models import Mail


def _accepted(meeting_request: MeetingRequest) -> MeetingRequest:
    """Keep the pair's request as accepted: booking together is both sides' yes."""
    if meeting_request.pk is None:
        top = MeetingRequest.objects.filter(event=meeting_request.event).aggregate(Max("position"))
        meeting_request.position = (top["position__max"] or 0) + 1
        meeting_request.save()
    elif meeting_request.status != MeetingRequest.Status.ACCEPTED:
        meeting_request.status = MeetingRequest.Status.ACCEPTED
        meeting_request.save(update_fields=["status"])
    return meeting_request


def _why_not(meeting_request: MeetingRequest, session: Session, start: datetime) -> list[str]:
    """Every rule the slot breaks for this pair now, in the participant's words."""
    meeting = unplaced_meeting(meeting_request)
    taken = set(
        Meeting.objects.filter(event=meeting.event, online=meeting.online, start=start)
        .exclude(location=None)
        .values_list("location", flat=True)
    )
    free = [
        name for name in event_locations(meeting.event, online=meeting.online) if name not in taken
    ]
    reasons = move_conflicts(
        meeting=meeting,
        session=session,
        start=start,
        location=free[0] if free else None,
        name_partners=False,
    )
    if not free:  # "all tables are taken" says it; that a meeting needs one adds nothing
        reasons = [r for r in reasons if r != _("An on-site meeting needs a table.")]
    if interpreters_for(meeting) != [None]:
        reasons.append(
            _("%(a)s and %(b)s share no language, and no interpreter is free then.")
            % {"a": meeting.a.organization.name, "b": meeting.b.organization.name}
        )
    return reasons or [_("This slot is no longer free for both of you.")]


@transaction.atomic
def book_spot(
    *,
    participation: Participation,
    partner: Participation,
    session: Session,
    start: datetime,
    user: AbstractBaseUser | None,
    site_url: str = "",
    now: datetime | None = None,
) -> Meeting:
    """Book ``participation`` and ``partner`` into the slot at ``start``; refused with why.

    Everything is checked after the schedule lock, so of two bookings of the last free
    table one gets it and the other is told the tables are taken.
    """
    event = participation.event
    lock_schedule(event=event)
    event.refresh_from_db()  # the rows as they are now: tables, publication, zone
    refusal = spot_refusal(participation, partner)
    if refusal is not None:
        raise MeetingRuleError([refusal])
    now = now or timezone.now()
    today_from, today_until = rest_of_day(event.timezone, now)
    slot = next((s for s in session_slots(session) if s.start == start), None)
    if slot is None or session.event_id != event.pk:
        raise MeetingRuleError([_("No slot of this session starts then.")])
    if not (slot.end > today_from and slot.start < today_until):
        raise MeetingRuleError(
            [_("This slot is over or not today: meetings on the spot are booked for today.")]
        )
    meeting_request = _accepted(pair_request(participation, partner))
    places = [
        place
        for place in free_places(meeting_request=meeting_request, between=(slot.start, slot.end))
        if place.session.pk == session.pk and place.start == slot.start
    ]
    if not places:
        raise MeetingRuleError(_why_not(meeting_request, session, slot.start))
    place = places[0]
    meeting = place_request(
        meeting_request=meeting_request,
        session=session,
        start=slot.start,
        location=place.locations[0],
        interpreter=place.interpreter,
    )
    SpotBooking.objects.create(meeting=meeting, booked_by=participation, by=user, at=now)
    where = meeting.location or ""
    record(
        event,
        "meeting.spot-booked",
        meeting,
        stored_text.gettext(
            "%(a)s booked a meeting with %(b)s on the spot: %(start)s, %(place)s.",
            a=participation.organization.name,
            b=partner.organization.name,
            start=stored_text.moment(meeting.start),
            place=where,
        ),
    )
    notify(
        partner,
        stored_text.gettext(
            "%(name)s booked a meeting with you on the spot: %(start)s, %(place)s.",
            name=participation.organization.name,
            start=stored_text.moment(meeting.start),
            place=where,
        ),
        subject=stored_text.gettext(
            "Meeting on the spot with %(name)s", name=participation.organization.name
        ),
        kind=Mail.Kind.AGENDA,
        link=reverse("portal:agenda", args=[partner.pk]),
        site_url=site_url,
    )
    return meeting
