"""events.domain.programme: sessions checked like the event file, agenda items and their changes."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.domain.programme import (
    add_agenda_item,
    add_session,
    change_agenda_item,
    delete_agenda_item,
)
from matchfair.web.events.models import AgendaItem, SignUp
from tests.web.factories import World

START = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("UTC"))


def _item(world: World, capacity: int | None = None) -> AgendaItem:
    return add_agenda_item(
        event=world.event,
        kind="talk",
        title="Hydrogen",
        start=START,
        end=START + timedelta(hours=1),
        capacity=capacity,
    )


def test_a_session_is_numbered_after_the_events_others(world: World):
    before = world.event.sessions.count()
    session = add_session(
        event=world.event, code="day3", start=START, end=START + timedelta(hours=2), slot_minutes=30
    )
    assert session.position == before


def test_a_session_without_a_slot_or_with_a_taken_id_is_refused(world: World):
    with pytest.raises(EventRuleError):
        add_session(
            event=world.event,
            code="short",
            start=START,
            end=START + timedelta(minutes=10),
            slot_minutes=30,
        )
    with pytest.raises(EventRuleError, match="exists already"):
        add_session(
            event=world.event,
            code="day1-pm",
            start=START,
            end=START + timedelta(hours=2),
            slot_minutes=30,
        )


def test_an_agenda_item_must_end_after_it_starts(world: World):
    with pytest.raises(EventRuleError):
        add_agenda_item(event=world.event, kind="talk", title="Backwards", start=START, end=START)


def test_a_changed_agenda_item_is_audited_with_before_and_after(world: World):
    item = _item(world)
    change_agenda_item(item=item, kind="talk", title="Hydrogen burners", start=START, end=item.end)
    entry = AuditEntry.objects.get(action="agenda-item.changed")
    assert entry.summary.startswith("Hydrogen ")
    assert "→ Hydrogen burners" in entry.summary


def test_an_agenda_items_capacity_never_drops_below_its_sign_ups(world: World):
    item = _item(world, capacity=5)
    SignUp.objects.create(item=item, participation=world.tegnology)
    SignUp.objects.create(item=item, participation=world.tsinghua)
    with pytest.raises(EventRuleError, match="2 organizations are signed up"):
        change_agenda_item(
            item=item, kind="talk", title="Hydrogen", start=START, end=item.end, capacity=1
        )
    assert not AuditEntry.objects.filter(action="agenda-item.changed").exists()


def test_deleting_an_agenda_item_says_how_many_were_signed_up_and_audits_it(world: World):
    item = _item(world)
    SignUp.objects.create(item=item, participation=world.tegnology)
    assert delete_agenda_item(item=item) == 1
    assert not AgendaItem.objects.filter(title="Hydrogen").exists()
    assert "1 sign-ups removed" in AuditEntry.objects.get(action="agenda-item.deleted").summary
