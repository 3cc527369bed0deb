"""Availability's rules for every way in: windows touch the event's sessions and end after
they start, a published meeting left outside is refused by name, drafts outside go, and
ticked slots become windows."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from matchfair import core
from matchfair.web.directory.models import Participation
from matchfair.web.meetings.domain.availability import slot_windows
from matchfair.web.meetings.domain.participation import (
    ParticipationRuleError,
    change_availability,
)
from matchfair.web.meetings.models import Meeting
from tests.web.factories import World

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def window(start: datetime, end: datetime) -> dict[str, str]:
    return {"start": start.isoformat(), "end": end.isoformat()}


def refusal(participation: Participation, availability) -> list[str]:
    with timezone.override(SHANGHAI), pytest.raises(ParticipationRuleError) as raised:
        change_availability(participation=participation, availability=availability)
    return raised.value.errors["availability"]


def test_a_window_on_a_day_without_sessions_is_refused_by_its_times(world: World):
    day_before = datetime(2024, 11, 17, 14, 0, tzinfo=SHANGHAI)
    messages = refusal(world.smart_eye, [window(day_before, day_before + timedelta(hours=2))])
    assert messages == [
        "Sun 17 Nov 14:00 (Asia/Shanghai) to Sun 17 Nov 16:00 (Asia/Shanghai) lies outside "
        "the event's sessions."
    ]
    assert Participation.objects.get(pk=world.smart_eye.pk).availability is None


def test_a_window_ending_before_it_starts_is_refused_with_the_cores_words(world: World):
    start = datetime(2024, 11, 18, 15, 0, tzinfo=SHANGHAI)
    messages = refusal(world.smart_eye, [window(start, start - timedelta(hours=1))])
    assert len(messages) == 1
    assert "end" in messages[0]


def test_a_published_meeting_left_outside_is_named_with_its_partner_and_time(world: World):
    later = world.published.end + timedelta(minutes=30)
    messages = refusal(world.tegnology, [window(later, later + timedelta(hours=1))])
    assert messages == [
        "The published meeting with 清华四川能源互联网研究院 at Mon 18 Nov 14:00 "
        "(Asia/Shanghai) lies outside these times."
    ]
    assert Meeting.objects.filter(pk=world.draft.pk).exists()


def test_a_draft_outside_is_dropped_and_the_windows_are_stored(world: World):
    kept = [window(world.published.start, world.published.end)]
    assert change_availability(participation=world.tegnology, availability=kept) == 1
    assert not Meeting.objects.filter(pk=world.draft.pk).exists()
    assert Participation.objects.get(pk=world.tegnology.pk).availability == kept


def test_following_slots_of_a_session_make_one_window_and_a_gap_splits_them():
    start = datetime(2024, 11, 18, 14, 0, tzinfo=SHANGHAI)
    session = core.Session(
        id="pm", start=start, end=start + timedelta(hours=2), slot_minutes=20, gap_minutes=5
    )
    slots = core.session_slots(session)
    assert slot_windows([slots[3], slots[0], slots[1]]) == [
        {"start": "2024-11-18T14:00:00+08:00", "end": "2024-11-18T14:45:00+08:00"},
        {"start": "2024-11-18T15:15:00+08:00", "end": "2024-11-18T15:35:00+08:00"},
    ]
    assert slot_windows([]) == []
