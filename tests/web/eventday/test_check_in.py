"""Checking a badge in: once per badge whatever the number of scans or desks, by staff only."""

import threading
from datetime import UTC, datetime

import pytest
from django.db import connection

from matchfair.web.audit.models import AuditEntry
from matchfair.web.eventday.domain import check_in as check_in_module
from matchfair.web.eventday.domain.badges import refresh_badges
from matchfair.web.eventday.domain.check_in import CheckInError, badge_of_id, check_in
from matchfair.web.eventday.models import Badge, CheckIn, CheckInStaff
from tests.web import factories
from tests.web.postgres import needs_postgresql

MORNING = datetime(2026, 12, 8, 8, 5, tzinfo=UTC)


@pytest.fixture
def badge(world) -> Badge:
    refresh_badges(event=world.event)
    return Badge.objects.get(delegate__user=world.tsinghua_user)


@pytest.mark.django_db
def test_a_second_scan_says_when_and_where_and_adds_nothing(world, badge):
    first = check_in(
        event=world.event, badge=badge, user=world.organizer, desk="Entrance A", now=MORNING
    )
    second = check_in(event=world.event, badge=badge, user=world.organizer, desk="Hall B")
    assert first.new
    assert not second.new
    assert second.check_in.pk == first.check_in.pk
    assert CheckIn.objects.filter(badge=badge).count() == 1
    assert AuditEntry.objects.filter(action="badge.checked-in").count() == 1
    assert "is checked in" in first.message
    assert "already checked in at 08:05 by desk Entrance A" in second.message


@pytest.mark.django_db
def test_check_in_staff_check_in_at_their_event_only(world, badge):
    staff = factories.person("volunteer")
    CheckInStaff.objects.create(event=world.event, user=staff)
    assert check_in(event=world.event, badge=badge, user=staff).check_in.by == staff
    refresh_badges(event=world.other_event)
    elsewhere = Badge.objects.filter(event=world.other_event).first()
    if elsewhere is None:
        elsewhere = Badge.objects.create(
            event=world.other_event,
            participation=factories.side_of(world.other_event, world.tsinghua.code),
            name="Li Ming",
        )
    with pytest.raises(CheckInError, match="not check-in staff"):
        check_in(event=world.other_event, badge=elsewhere, user=staff)
    assert not CheckIn.objects.filter(event=world.other_event).exists()


@pytest.mark.django_db
def test_participants_and_viewers_cannot_check_in(world, badge):
    for user in (world.teg_user, world.viewer, world.other_organizer):
        with pytest.raises(CheckInError, match="not check-in staff"):
            check_in(event=world.event, badge=badge, user=user)
    assert not CheckIn.objects.exists()


@pytest.mark.django_db
def test_a_badge_of_another_event_is_not_checked_in_here(world, badge):
    with pytest.raises(CheckInError, match="another event"):
        check_in(event=world.other_event, badge=badge, user=world.other_organizer)
    with pytest.raises(CheckInError, match="no such badge"):
        badge_of_id(event=world.other_event, badge_id=badge.pk)


@pytest.mark.django_db
def test_a_desk_that_loses_the_race_for_a_badge_answers_with_the_winners_check_in(
    world, badge, monkeypatch
):
    """The interleaving of two desks on any database: the other desk inserts between our read
    and our insert, so our insert fails on the unique badge."""
    winner = CheckIn.objects.create(
        event=world.event, badge=badge, at=MORNING, desk="Entrance A", by=world.organizer
    )

    # Our read happened before the other desk's insert: it found nothing.
    monkeypatch.setattr(check_in_module, "_earlier", lambda _badge: None)
    result = check_in(event=world.event, badge=badge, user=world.organizer, desk="Hall B")
    assert not result.new
    assert result.check_in == winner
    assert "by desk Entrance A" in result.message
    assert not AuditEntry.objects.filter(action="badge.checked-in").exists()


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_desks_scanning_the_same_badges_at_once_check_each_in_once(world):
    """Four desks (threads, each its own connection) scan every badge at once."""
    refresh_badges(event=world.event)
    badges = list(Badge.objects.filter(event=world.event))
    results, errors = [], []
    barrier = threading.Barrier(4)

    def desk(name: str) -> None:
        barrier.wait()
        try:
            for badge in badges:
                results.append(
                    check_in(event=world.event, badge=badge, user=world.organizer, desk=name)
                )
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=desk, args=(f"desk {n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(results) == 4 * len(badges)
    assert sum(result.new for result in results) == len(badges)
    assert CheckIn.objects.count() == len(badges)
    by_badge = {}
    for result in results:
        by_badge.setdefault(result.badge.pk, set()).add(result.check_in.pk)
    assert all(len(rows) == 1 for rows in by_badge.values())
