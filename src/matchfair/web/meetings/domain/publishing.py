"""Publishing the schedule: every draft meeting becomes published, and later runs keep it.

Delegates see only published meetings in their agendas; publishing takes the
schedule lock and is written to the audit trail.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.events.models import Event
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting


@transaction.atomic
def publish_schedule(*, event: Event, now: datetime | None = None) -> int:
    """Publish every meeting; later runs keep them. Returns how many were newly published."""
    lock_schedule(event=event)
    count = Meeting.objects.filter(event=event, published=False).update(published=True)
    event.schedule_published_at = now or timezone.now()
    event.save(update_fields=["schedule_published_at"])
    record(
        event,
        "schedule.published",
        event,
        stored_text.ngettext(
            "%(count)d meeting newly published", "%(count)d meetings newly published", count
        ),
    )
    return count
