"""A campaign's segment: each filter alone, filters combined, and who the recipients are."""

import pytest

from matchfair.web.notify.segments import (
    NOT_REGISTERED,
    REGISTERED,
    Segment,
    segment_participations,
    segment_recipients,
)
from tests.web import factories
from tests.web.notify.campaign_world import build_campaign_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(owner):
    return build_campaign_world(owner)


def _codes(world, segment: Segment) -> set[str]:
    found = segment_participations(world.event, segment)
    names = {
        world.german.pk: "german",
        world.french.pk: "french",
        world.chinese.pk: "chinese",
        world.imported.pk: "imported",
    }
    return {names[pk] for pk in found.values_list("pk", flat=True)}


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        (Segment(), {"german", "french", "chinese", "imported"}),
        (Segment(groups=("europe",)), {"german", "french"}),
        (Segment(countries=("cn",)), {"chinese", "imported"}),
        (Segment(kinds=("university",)), {"chinese"}),
        (Segment(attendance=("online",)), {"french"}),
        (Segment(registration=REGISTERED), {"german", "french", "chinese"}),
        (Segment(registration=NOT_REGISTERED), {"imported"}),
        (Segment(no_opportunity=True), {"french", "chinese", "imported"}),
        (Segment(pending_requests=True), {"german"}),
        (Segment(no_meeting=True), {"german", "imported"}),
        (Segment(groups=("china",), no_meeting=True), {"imported"}),
        (Segment(countries=("DE", "FR"), no_opportunity=True, attendance=("online",)), {"french"}),
        (Segment(groups=("europe",), kinds=("university",)), set()),
    ],
)
def test_each_filter_narrows_the_organizations(world, segment, expected):
    assert _codes(world, Segment.from_json(segment.as_json())) == expected


def test_a_segment_kept_on_a_campaign_reads_back_the_same():
    segment = Segment(
        groups=("china",), countries=("CN",), registration=REGISTERED, no_meeting=True
    )
    assert Segment.from_json(segment.as_json()) == segment
    assert Segment.from_json({"countries": ["cn"], "unknown": 1}) == Segment(countries=("CN",))


def test_recipients_are_the_active_delegates_with_an_address(world):
    world.imported_user.is_active = False
    world.imported_user.save()
    addresses = [user.email for user in segment_recipients(world.event, Segment())]
    assert addresses == ["anna@sonnenwerk.example", "li@hanyu.example", "luc@vignoble.example"]


def test_another_events_organizations_are_never_recipients(world, owner):
    other = factories.event(owner, "Another fair")
    factories.participant(other, name="Elsewhere Ltd", country="GB", email="x@elsewhere.example")
    assert not set(segment_recipients(world.event, Segment())) & set(
        segment_recipients(other, Segment())
    )
