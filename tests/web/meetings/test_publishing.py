"""meetings.domain.publishing: drafts become published, once, with an audit entry."""

from datetime import UTC, datetime

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.meetings.domain.publishing import publish_schedule
from matchfair.web.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def test_publishing_publishes_every_draft_and_counts_only_the_new_ones(event):
    Meeting.objects.filter(event=event).update(published=False)
    now = datetime(2024, 11, 1, 8, 0, tzinfo=UTC)

    assert publish_schedule(event=event, now=now) == 1
    assert publish_schedule(event=event, now=now) == 0

    event.refresh_from_db()
    assert event.schedule_published_at == now
    assert not Meeting.objects.filter(event=event, published=False).exists()
    assert list(
        AuditEntry.objects.filter(event=event, action="schedule.published")
        .order_by("pk")
        .values_list("summary", flat=True)
    ) == ["1 meeting newly published", "0 meetings newly published"]
