"""Telling each organization when its published agenda appears or changes.

Whatever publishes the schedule, moves a meeting or stores a scheduler run (pages, API,
jobs, the demo) calls ``notify_agenda_changes_on_commit`` after it: once the change is
committed, every organization's published agenda is compared with the one it was last
told about. The comparison makes a repeated call harmless: an unchanged agenda is never
notified twice, and a rolled-back change tells nobody.
"""

import hashlib
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from matchfair.web import stored_text
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting
from matchfair.web.notify.domain.notifications import notify
from matchfair.web.notify.models import AgendaDigest
from matchfair.web.outbox.models import Mail


def _fingerprints(event: Event) -> dict[int, str]:
    """Per participation, a digest of its published meetings (time, place, room, partner)."""
    lines: dict[int, list[str]] = defaultdict(list)
    for meeting in Meeting.objects.filter(event=event, published=True).order_by("start", "pk"):
        line = (
            f"{meeting.pk}|{meeting.start.isoformat()}|{meeting.end.isoformat()}|"
            f"{meeting.location}|{meeting.online}|{meeting.interpreter_id}|"
        )
        lines[meeting.a_id].append(line + str(meeting.b_id))
        lines[meeting.b_id].append(line + str(meeting.a_id))
    return {pk: hashlib.sha256("\n".join(rows).encode()).hexdigest() for pk, rows in lines.items()}


@transaction.atomic
def notify_agenda_changes(*, event: Event, site_url: str = "") -> list[Participation]:
    """Notify the organizations whose published agenda differs from what they were told.

    It runs after a commit, outside any request: links in the emails start with
    ``site_url``, by default the MATCHFAIR_SITE_URL setting.
    """
    site_url = site_url or settings.MATCHFAIR_SITE_URL
    if event.schedule_published_at is None:
        return []
    current = _fingerprints(event)
    told = dict(
        AgendaDigest.objects.filter(participation__event=event).values_list(
            "participation_id", "fingerprint"
        )
    )
    changed = [pk for pk in current.keys() | told.keys() if current.get(pk, "") != told.get(pk)]
    participations = list(
        Participation.objects.filter(pk__in=changed).select_related("organization", "event")
    )
    for participation in participations:
        first = participation.pk not in told
        notify(
            participation,
            stored_text.gettext("Your agenda for %(event)s is published.", event=event.name)
            if first
            else stored_text.gettext("Your agenda for %(event)s has changed.", event=event.name),
            subject=stored_text.gettext("Your agenda for %(event)s", event=event.name),
            kind=Mail.Kind.AGENDA,
            link=reverse("portal:agenda", args=[participation.pk]),
            site_url=site_url,
        )
        AgendaDigest.objects.update_or_create(
            participation=participation,
            defaults={"fingerprint": current.get(participation.pk, "")},
        )
    return participations


def notify_agenda_changes_on_commit(*, event: Event) -> None:
    """Compare the event's agendas once the current transaction commits (at once outside one).

    Call it after writing what may change a published agenda: publishing, moving a
    meeting, storing a run. The event is read again then, so the comparison sees what
    was committed; nothing is compared, nor told, if the transaction rolls back.
    """
    event_id = event.pk

    def compare() -> None:
        current = Event.objects.filter(pk=event_id).first()
        if current is not None:
            notify_agenda_changes(event=current)

    transaction.on_commit(compare)
