"""eventday.domain.waitlists: a freed place goes to the first waiting, once, in its language."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import translation

from matchfair.web.audit.models import AuditEntry
from matchfair.web.eventday.domain import waitlists
from matchfair.web.eventday.models import WaitlistEntry
from matchfair.web.eventday.waitlist_places import places_of, waitlist_position
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.domain.programme import add_agenda_item
from matchfair.web.events.models import AgendaItem, SignUp
from matchfair.web.notify.models import Notification, PersonalSettings
from tests.web.factories import World

START = datetime(2026, 12, 1, 14, 0, tzinfo=ZoneInfo("UTC"))


def _bus(world: World, capacity: int | None = 1) -> AgendaItem:
    return add_agenda_item(
        event=world.event,
        kind="site-visit",
        title="Bus to the wind farm",
        start=START,
        end=START + timedelta(hours=3),
        capacity=capacity,
    )


def _signed(item: AgendaItem) -> set[int]:
    return set(SignUp.objects.filter(item=item).values_list("participation_id", flat=True))


def _change_capacity(item: AgendaItem, capacity: int | None) -> AgendaItem:
    return waitlists.change_agenda_item(
        item=item,
        kind=item.kind,
        title=item.title,
        start=item.start,
        end=item.end,
        place=item.place,
        capacity=capacity,
        description=item.description,
    )


def test_a_cancelled_place_goes_to_the_first_waiting(world: World):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    waitlists.join_waitlist(item=bus, participation=world.tsinghua)
    waitlists.join_waitlist(item=bus, participation=world.smart_eye)
    assert waitlist_position(bus, world.smart_eye) == 2

    promoted = waitlists.cancel_sign_up(item=bus, participation=world.tegnology)

    assert promoted == [world.tsinghua]
    assert _signed(bus) == {world.tsinghua.pk}
    assert waitlist_position(bus, world.smart_eye) == 1
    assert waitlist_position(bus, world.tsinghua) is None


def test_moved_to_the_top_is_served_first(world: World):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    waitlists.join_waitlist(item=bus, participation=world.tsinghua)
    late = waitlists.join_waitlist(item=bus, participation=world.smart_eye)
    waitlists.move_to_top(entry=late)
    assert waitlist_position(bus, world.smart_eye) == 1

    assert waitlists.cancel_sign_up(item=bus, participation=world.tegnology) == [world.smart_eye]
    assert AuditEntry.objects.filter(action="agenda-item.waitlist-moved-up").count() == 1


def test_raising_the_capacity_promotes_several_in_order(world: World):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    waitlists.join_waitlist(item=bus, participation=world.tsinghua)
    waitlists.join_waitlist(item=bus, participation=world.smart_eye)

    _change_capacity(bus, 2)
    assert _signed(bus) == {world.tegnology.pk, world.tsinghua.pk}
    assert waitlist_position(bus, world.smart_eye) == 1

    _change_capacity(bus, None)
    assert _signed(bus) == {world.tegnology.pk, world.tsinghua.pk, world.smart_eye.pk}
    assert not WaitlistEntry.objects.filter(item=bus).exists()


def test_nobody_is_promoted_twice(world: World):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    waitlists.join_waitlist(item=bus, participation=world.tsinghua)

    waitlists.cancel_sign_up(item=bus, participation=world.tegnology)
    waitlists.cancel_sign_up(item=bus, participation=world.tegnology)
    _change_capacity(bus, 3)

    assert _signed(bus) == {world.tsinghua.pk}
    promotions = AuditEntry.objects.filter(action="agenda-item.waitlist-promoted")
    assert promotions.count() == 1
    assert Notification.objects.filter(user=world.tsinghua_user).count() == 1


def test_the_promoted_are_told_in_their_own_language(world: World):
    PersonalSettings.objects.update_or_create(user=world.tsinghua_user, defaults={"language": "de"})
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    waitlists.join_waitlist(item=bus, participation=world.tsinghua)

    with translation.override("en"):
        waitlists.cancel_sign_up(item=bus, participation=world.tegnology, site_url="https://x/")

    told = Notification.objects.get(user=world.tsinghua_user)
    assert "Bus to the wind farm" in told.text
    assert "Platz" in told.text


def test_the_promotion_mail_leaves_after_the_commit(
    world: World, django_capture_on_commit_callbacks
):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    waitlists.join_waitlist(item=bus, participation=world.tsinghua)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        waitlists.cancel_sign_up(item=bus, participation=world.tegnology)
    assert [message.to for message in mail.outbox] == [[world.tsinghua_user.email]]
    assert "Bus to the wind farm" in mail.outbox[0].subject


def test_a_free_place_is_taken_not_waited_for(world: World):
    bus = _bus(world, capacity=2)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    with pytest.raises(EventRuleError, match="free place"):
        waitlists.join_waitlist(item=bus, participation=world.tsinghua)


def test_an_item_without_limit_has_no_waitlist(world: World):
    talk = _bus(world, capacity=None)
    with pytest.raises(EventRuleError, match="free place"):
        waitlists.join_waitlist(item=talk, participation=world.tsinghua)


def test_one_waits_once_and_not_for_its_own_place(world: World):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    with pytest.raises(EventRuleError, match="Already signed up"):
        waitlists.join_waitlist(item=bus, participation=world.tegnology)
    waitlists.join_waitlist(item=bus, participation=world.tsinghua)
    with pytest.raises(EventRuleError, match="Already on the waitlist"):
        waitlists.join_waitlist(item=bus, participation=world.tsinghua)


def test_a_full_item_refuses_a_sign_up_ahead_of_the_list(world: World):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    with pytest.raises(EventRuleError, match="is full"):
        waitlists.sign_up(item=bus, participation=world.tsinghua)


def test_another_events_organization_cannot_wait(world: World):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    stranger = world.other_event.participations.first()
    with pytest.raises(EventRuleError, match="does not take part"):
        waitlists.join_waitlist(item=bus, participation=stranger)


def test_leaving_the_list_moves_the_next_up(world: World):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    waitlists.join_waitlist(item=bus, participation=world.tsinghua)
    waitlists.join_waitlist(item=bus, participation=world.smart_eye)
    assert waitlists.leave_waitlist(item=bus, participation=world.tsinghua) is True
    assert waitlists.leave_waitlist(item=bus, participation=world.tsinghua) is False
    assert waitlist_position(bus, world.smart_eye) == 1


def test_the_organizer_removes_an_entry_with_an_audit_entry(world: World):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    entry = waitlists.join_waitlist(item=bus, participation=world.tsinghua)
    waitlists.remove_entry(entry=entry)
    assert not WaitlistEntry.objects.filter(item=bus).exists()
    assert AuditEntry.objects.filter(action="agenda-item.waitlist-removed").count() == 1
    assert waitlists.cancel_sign_up(item=bus, participation=world.tegnology) == []


def test_places_of_reads_place_position_and_free_seats(world: World):
    bus = _bus(world, capacity=1)
    talk = _bus(world, capacity=None)
    waitlists.sign_up(item=bus, participation=world.tegnology)
    waitlists.join_waitlist(item=bus, participation=world.tsinghua)
    waitlists.join_waitlist(item=bus, participation=world.smart_eye)

    mine = {place.item.pk: place for place in places_of(world.smart_eye)}
    assert (mine[bus.pk].signed_up, mine[bus.pk].position, mine[bus.pk].waiting) == (False, 2, 2)
    assert (mine[bus.pk].free, mine[bus.pk].full) == (0, True)
    assert (mine[talk.pk].free, mine[talk.pk].full) == (None, False)
    theirs = {place.item.pk: place for place in places_of(world.tegnology)}
    assert (theirs[bus.pk].signed_up, theirs[bus.pk].position) == (True, None)


def test_an_organization_taken_out_of_the_event_leaves_its_place_to_the_first_waiting(
    world: World,
):
    bus = _bus(world)
    waitlists.sign_up(item=bus, participation=world.smart_eye)
    waitlists.join_waitlist(item=bus, participation=world.tegnology)
    waitlists.join_waitlist(item=bus, participation=world.tsinghua)

    waitlists.remove_participation(participation=world.smart_eye)

    assert _signed(bus) == {world.tegnology.pk}
    assert waitlist_position(bus, world.tsinghua) == 1
