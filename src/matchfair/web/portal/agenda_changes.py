"""Telling each organization when its published agenda appears or changes.

Publishing, moving a published meeting and releasing one happen in the organizer's
services; rather than each of them remembering to notify, the portal compares every
organization's published agenda with the one it was last told about, after the
change is committed. The comparison makes a repeated call harmless: an unchanged
agenda is never notified twice.
"""

import hashlib
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils.translation import gettext as _

from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.meetings.models import Meeting
from matchfair.web.portal.models import AgendaDigest
from matchfair.web.portal.notifications import notify


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
def notify_agenda_changes(event: Event, site_url: str = "") -> list[Participation]:
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
            (lambda: _("Your agenda for %(event)s is published.") % {"event": event.name})
            if first
            else (lambda: _("Your agenda for %(event)s has changed.") % {"event": event.name}),
            subject=lambda: _("Your agenda for %(event)s") % {"event": event.name},
            link=reverse("portal:agenda", args=[participation.pk]),
            site_url=site_url,
        )
        AgendaDigest.objects.update_or_create(
            participation=participation,
            defaults={"fingerprint": current.get(participation.pk, "")},
        )
    return participations


def _after_commit(event_id: int) -> None:
    """Compare the event's agendas once the transaction commits, once per transaction.

    A schedule run deletes thousands of meetings in one transaction: one comparison
    after it is enough. A callback still queued for the event means one is coming.
    """
    queued = transaction.get_connection().run_on_commit
    if any(getattr(callback, "agenda_event_id", None) == event_id for _, callback, _ in queued):
        return

    def compare() -> None:
        compare.agenda_event_id = None  # type: ignore[attr-defined]
        event = Event.objects.filter(pk=event_id).first()
        if event is not None:
            notify_agenda_changes(event)

    compare.agenda_event_id = event_id  # type: ignore[attr-defined]
    transaction.on_commit(compare)


def _meeting_saved(sender: type[Meeting], instance: Meeting, **kwargs: Any) -> None:
    """Any saved meeting may be published: the object in hand may predate its publication."""
    _after_commit(instance.event_id)


def _meeting_deleted(sender: type[Meeting], instance: Meeting, **kwargs: Any) -> None:
    if instance.published:
        _after_commit(instance.event_id)


def _event_saved(sender: type[Event], instance: Event, **kwargs: Any) -> None:
    fields = kwargs.get("update_fields")
    if instance.schedule_published_at is not None and fields and "schedule_published_at" in fields:
        _after_commit(instance.pk)


def connect() -> None:
    """Watch the writes that change a published agenda (called once, from the app's ready)."""
    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid="portal-meeting-saved")
    post_delete.connect(_meeting_deleted, sender=Meeting, dispatch_uid="portal-meeting-deleted")
    post_save.connect(_event_saved, sender=Event, dispatch_uid="portal-event-saved")
