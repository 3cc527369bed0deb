"""Badges and check-ins through the API: the desk's rules and words, for organizers and staff."""

import pytest

from matchfair.web.eventday.domain.badges import refresh_badges
from matchfair.web.eventday.models import Badge, CheckIn, CheckInStaff
from matchfair.web.exports.badge_codes import badge_token
from tests.web import factories

pytestmark = pytest.mark.django_db


def api(event_id: int, rest: str) -> str:
    return f"/api/events/{event_id}{rest}"


@pytest.fixture
def badge(world) -> Badge:
    refresh_badges(event=world.event)
    return Badge.objects.get(delegate__user=world.tsinghua_user)


def test_the_organizer_lists_badges_with_their_tokens(client_for, world, badge):
    answer = client_for(world.organizer).get(api(world.event.pk, "/badges"))
    assert answer.status_code == 200
    listed = {item["id"]: item for item in answer.json()["items"]}
    assert listed[badge.pk]["token"] == badge_token(badge)
    assert listed[badge.pk]["organization"] == world.tsinghua.pk
    assert listed[badge.pk]["checked_in_at"] is None
    assert answer.json()["count"] == 3


def test_a_check_in_by_token_then_by_id_makes_one_row(client_for, world, badge):
    staff = factories.person("volunteer")
    CheckInStaff.objects.create(event=world.event, user=staff)
    client = client_for(staff)
    first = client.post(
        api(world.event.pk, "/check-ins"),
        {"token": badge_token(badge), "desk": "API desk"},
        content_type="application/json",
    )
    assert first.status_code == 201, first.content
    assert first.json()["new"] is True
    again = client.post(
        api(world.event.pk, "/check-ins"), {"badge": badge.pk}, content_type="application/json"
    )
    assert again.status_code == 200
    assert again.json()["desk"] == "API desk"
    assert again.json()["new"] is False
    assert CheckIn.objects.count() == 1
    listed = client.get(api(world.event.pk, "/check-ins")).json()["items"]
    assert [(row["badge"], row["name"]) for row in listed] == [(badge.pk, "Tsinghua")]


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"token": "1-1:forged"}, "token", "forged"),
        ({"badge": 999999}, "badge", "no such badge"),
        ({}, "token", "token or its id"),
    ],
)
def test_a_refused_check_in_names_the_field(client_for, world, badge, body, field, words):
    answer = client_for(world.organizer).post(
        api(world.event.pk, "/check-ins"), body, content_type="application/json"
    )
    assert answer.status_code == 422
    error = answer.json()["errors"][0]
    assert error["field"] == field
    assert words in error["message"]


def test_another_events_badge_is_refused(client_for, world, badge):
    answer = client_for(world.other_organizer).post(
        api(world.other_event.pk, "/check-ins"),
        {"token": badge_token(badge)},
        content_type="application/json",
    )
    assert answer.status_code == 422
    assert "another event" in answer.json()["errors"][0]["message"]


@pytest.mark.parametrize("who", ["teg_user", "viewer", "other_organizer"])
def test_nobody_else_reaches_badges_or_check_ins(client_for, world, badge, who):
    client = client_for(getattr(world, who))
    assert client.get(api(world.event.pk, "/badges")).status_code == 404
    assert client.get(api(world.event.pk, "/check-ins")).status_code == 404
    posted = client.post(
        api(world.event.pk, "/check-ins"), {"badge": badge.pk}, content_type="application/json"
    )
    assert posted.status_code == 404
    assert not CheckIn.objects.exists()
