"""Badges follow the delegates' accounts; names without an account are added and removed."""

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.eventday.domain.badges import (
    add_named_badge,
    personal_badge,
    refresh_badges,
    remove_named_badge,
)
from matchfair.web.eventday.domain.check_in import CheckInError
from matchfair.web.eventday.models import Badge
from tests.web import factories

pytestmark = pytest.mark.django_db


def test_every_delegate_of_the_event_gets_one_badge_and_a_second_refresh_adds_none(world):
    assert refresh_badges(event=world.event) == 3
    assert refresh_badges(event=world.event) == 0
    names = set(Badge.objects.filter(event=world.event).values_list("name", flat=True))
    assert names == {"Teg", "Tsinghua", "Smarteye"}
    assert not Badge.objects.filter(event=world.other_event).exists()


def test_a_renamed_account_renames_its_badge(world):
    refresh_badges(event=world.event)
    world.tsinghua_user.first_name, world.tsinghua_user.last_name = "王", "芳"
    world.tsinghua_user.save()
    refresh_badges(event=world.event)
    assert Badge.objects.get(delegate__user=world.tsinghua_user).name == "王 芳"


def test_a_delegate_has_a_personal_badge_and_others_have_none(world):
    own = personal_badge(participation=world.tegnology, user=world.teg_user)
    assert own.delegate.user == world.teg_user
    assert personal_badge(participation=world.tegnology, user=world.teg_user) == own
    assert personal_badge(participation=world.tsinghua, user=world.teg_user) is None
    assert personal_badge(participation=world.tegnology, user=world.organizer) is None


def test_a_name_is_added_in_its_own_script_and_audited(world):
    badge = add_named_badge(event=world.event, participation=world.tsinghua, name="  李   明 ")
    assert badge.name == "李 明"
    assert badge.delegate is None
    assert AuditEntry.objects.filter(action="badge.added", subject=f"badge:{badge.pk}").exists()


@pytest.mark.parametrize(("name", "message"), [("   ", "Enter the name"), ("x" * 301, "longer")])
def test_a_bad_name_is_refused_on_its_field(world, name, message):
    with pytest.raises(CheckInError, match=message) as refused:
        add_named_badge(event=world.event, participation=world.tsinghua, name=name)
    assert refused.value.field == "name"


def test_an_organization_of_another_event_gets_no_badge_here(world):
    other = factories.side_of(world.other_event, world.tsinghua.code)
    with pytest.raises(CheckInError, match="does not take part"):
        add_named_badge(event=world.event, participation=other, name="Li Ming")


def test_only_named_badges_are_removed(world):
    refresh_badges(event=world.event)
    named = add_named_badge(event=world.event, participation=world.tsinghua, name="Li Ming")
    remove_named_badge(event=world.event, badge=named)
    assert not Badge.objects.filter(pk=named.pk).exists()
    delegates = Badge.objects.get(delegate__user=world.teg_user)
    with pytest.raises(CheckInError, match="follows their account"):
        remove_named_badge(event=world.event, badge=delegates)
