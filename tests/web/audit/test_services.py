"""audit.services: an entry names its actor and row; the trail reads newest first, a slice at a time."""

from matchfair.web.audit.actor import acting_as
from matchfair.web.audit.models import AuditEntry
from matchfair.web.audit.services import Trail, entries, record, trail
from tests.web.factories import World


def test_an_entry_names_the_acting_user_and_the_changed_row(world: World):
    with acting_as(world.organizer):
        entry = record(world.event, "meeting.moved", world.published, "to 14:00")
    assert entry.actor == world.organizer
    assert entry.actor_name == world.organizer.get_full_name()
    assert entry.subject == f"meeting:{world.published.pk}"


def test_a_change_without_a_user_is_recorded_without_an_actor(world: World):
    entry = record(world.event, "run.stored", world.event, "worker")
    assert (entry.actor, entry.actor_name) == (None, "")


def test_the_trail_is_the_events_own_newest_first(world: World):
    record(world.event, "first", world.event, "1")
    record(world.event, "second", world.event, "2")
    record(world.other_event, "elsewhere", world.other_event, "3")
    assert [line.action for line in trail(world.event)][:2] == ["second", "first"]
    assert "elsewhere" not in {line.action for line in trail(world.event)}
    assert set(entries(world.event)) == set(AuditEntry.objects.filter(event=world.event))


def test_the_trail_is_read_a_slice_at_a_time(world: World):
    for number in range(5):
        record(world.event, f"step.{number}", world.event, str(number))
    whole = Trail(world.event)
    assert len(whole) >= 5
    assert [line.action for line in whole[1:3]] == ["step.3", "step.2"]
    assert len(trail(world.event, limit=2)) == 2
