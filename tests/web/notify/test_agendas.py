"""The agenda comparison: called explicitly after a change, it tells what changed, once."""

from datetime import datetime

import pytest
from django.db import transaction

from matchfair.web.events.models import Session
from matchfair.web.meetings.domain.moves import move_meeting
from matchfair.web.meetings.domain.publishing import publish_schedule
from matchfair.web.meetings.models import Meeting
from matchfair.web.notify.domain.agendas import (
    notify_agenda_changes,
    notify_agenda_changes_on_commit,
)
from matchfair.web.notify.models import AgendaDigest, Notification
from tests.web.factories import BERLIN


def _published_meeting(german, french) -> Meeting:
    meeting = Meeting.objects.create(
        event=german.event,
        a=german,
        b=french,
        session=Session.objects.get(event=german.event),
        start=datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN),
        end=datetime(2026, 12, 1, 10, 0, tzinfo=BERLIN),
        location="table-2",
    )
    publish_schedule(event=german.event)
    notify_agenda_changes(event=german.event)
    meeting.refresh_from_db()
    return meeting


def _move(meeting: Meeting) -> None:
    move_meeting(
        meeting=meeting,
        session=meeting.session,
        start=datetime(2026, 12, 1, 11, 0, tzinfo=BERLIN),
        location="table-3",
    )


def test_nothing_is_told_before_the_schedule_is_published(german, french, fair):
    Meeting.objects.create(
        event=fair,
        a=german,
        b=french,
        session=Session.objects.get(event=fair),
        start=datetime(2026, 12, 1, 9, 30, tzinfo=BERLIN),
        end=datetime(2026, 12, 1, 10, 0, tzinfo=BERLIN),
    )
    assert notify_agenda_changes(event=fair) == []
    assert not Notification.objects.exists()


def test_publication_tells_each_organization_once(german, french, fair):
    _published_meeting(german, french)
    assert AgendaDigest.objects.filter(participation__event=fair).count() == 2
    assert Notification.objects.count() == 2
    assert notify_agenda_changes(event=fair) == []
    assert Notification.objects.count() == 2


def test_moving_a_published_meeting_tells_both_organizations(
    german, french, fair, django_capture_on_commit_callbacks
):
    meeting = _published_meeting(german, french)
    before = set(Notification.objects.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        _move(meeting)
        notify_agenda_changes_on_commit(event=fair)
    told = Notification.objects.exclude(pk__in=before)
    assert sorted(told.values_list("user__delegate__organization__name", flat=True)) == [
        "Sonnenwerk GmbH",
        "Vignoble Exportateur",
    ]
    assert {text.split()[-1] for text in told.values_list("text", flat=True)} == {
        "geändert.",
        "changé.",
    }


def test_a_rolled_back_move_tells_nobody(german, french, fair, django_capture_on_commit_callbacks):
    meeting = _published_meeting(german, french)
    count = Notification.objects.count()

    def move_then_fail() -> None:
        with transaction.atomic():
            _move(meeting)
            notify_agenda_changes_on_commit(event=fair)
            raise RuntimeError("the caller fails after the move")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        move_then_fail()
    assert callbacks == []
    assert Notification.objects.count() == count
    meeting.refresh_from_db()
    assert meeting.location == "table-2"


def test_the_comparison_waits_for_the_commit(
    german, french, fair, django_capture_on_commit_callbacks
):
    meeting = _published_meeting(german, french)
    count = Notification.objects.count()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _move(meeting)
        notify_agenda_changes_on_commit(event=fair)
        assert Notification.objects.count() == count
    assert len(callbacks) == 1
    callbacks[0]()
    assert Notification.objects.count() == count + 2
