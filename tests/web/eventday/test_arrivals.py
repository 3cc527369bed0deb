"""The desk's figures and who is expected today, counted from the rows."""

from datetime import timedelta

import pytest

from matchfair.web.eventday.arrivals import arrivals, search_badges
from matchfair.web.eventday.domain.badges import add_named_badge, refresh_badges
from matchfair.web.eventday.domain.check_in import check_in
from matchfair.web.eventday.models import Badge
from matchfair.web.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def test_people_with_a_meeting_at_a_table_today_are_expected_by_their_first_meeting(world):
    refresh_badges(event=world.event)
    meeting = Meeting.objects.filter(event=world.event, online=False).order_by("start").first()
    day = meeting.start + timedelta(minutes=1)
    figures = arrivals(world.event, now=day)
    sides = {meeting.a_id, meeting.b_id}
    expected = Badge.objects.filter(event=world.event, participation_id__in=sides)
    assert figures.expected_today == expected.count() > 0
    assert {row.badge.pk for row in figures.missing} == set(expected.values_list("pk", flat=True))

    here = expected.first()
    check_in(event=world.event, badge=here, user=world.organizer)
    figures = arrivals(world.event, now=day)
    assert (figures.arrived, figures.arrived_of_expected) == (1, 1)
    assert here.pk not in {row.badge.pk for row in figures.missing}
    assert figures.badges == Badge.objects.filter(event=world.event).count()


def test_nobody_is_expected_on_a_day_without_meetings(world):
    refresh_badges(event=world.event)
    meeting = Meeting.objects.filter(event=world.event).order_by("start").first()
    assert arrivals(world.event, now=meeting.start - timedelta(days=30)).expected_today == 0


def test_search_finds_people_and_organizations_in_any_script(world):
    refresh_badges(event=world.event)
    add_named_badge(event=world.event, participation=world.tsinghua, name="王芳")
    assert [badge.name for badge in search_badges(world.event, "王")] == ["王芳"]
    found = {
        badge.name for badge in search_badges(world.event, world.tsinghua.organization.name[:5])
    }
    assert {"王芳", "Tsinghua"} <= found
    assert not search_badges(world.event, "nobody-is-called-this").exists()
