"""Twenty organizations take the last three seats of a bus at once, then three give theirs back.

Each does it on its own database connection (one thread each) and all pass a barrier
right before, so every one reads the item while seats still look free; only the lock
on the item's row keeps the count within the capacity and each freed seat going to
exactly one waiting organization.
"""

import threading
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain import waitlists
from matchfair.web.eventday.models import WaitlistEntry
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.domain.programme import add_agenda_item
from matchfair.web.events.models import AgendaItem, SignUp
from tests.web.factories import build_world, participant
from tests.web.postgres import needs_postgresql

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True)]

PEOPLE = 20
SEATS = 3


def _in_parallel(calls: list[Callable[[], object]]) -> list[str]:
    """Run each call on its own thread and connection at the same instant; what each got."""
    barrier = threading.Barrier(len(calls))
    results = [""] * len(calls)

    def run(index: int) -> None:
        barrier.wait()
        try:
            calls[index]()
            results[index] = "ok"
        except EventRuleError:
            results[index] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_parallel_sign_ups_never_exceed_capacity_and_freed_seats_go_once():
    world = build_world()
    bus = add_agenda_item(
        event=world.event,
        kind="site-visit",
        title="Bus",
        start=datetime(2026, 12, 1, 14, 0, tzinfo=ZoneInfo("UTC")),
        end=datetime(2026, 12, 1, 17, 0, tzinfo=ZoneInfo("UTC")),
        capacity=SEATS,
    )
    people = [
        participant(world.event, name=f"Firm {n}", country="DK", email=f"firm{n}@example.com")
        for n in range(PEOPLE)
    ]

    def take(who: Participation) -> Callable[[], object]:
        def attempt() -> object:
            try:
                return waitlists.sign_up(item=bus, participation=who)
            except EventRuleError:
                return waitlists.join_waitlist(item=bus, participation=who)

        return attempt

    assert _in_parallel([take(who) for who in people]) == ["ok"] * PEOPLE
    seated = list(SignUp.objects.filter(item=bus).values_list("participation_id", flat=True))
    assert len(seated) == SEATS
    assert WaitlistEntry.objects.filter(item=bus).count() == PEOPLE - SEATS

    leaving = Participation.objects.filter(pk__in=seated)
    _in_parallel(
        [lambda who=who: waitlists.cancel_sign_up(item=bus, participation=who) for who in leaving]
    )
    now_seated = set(SignUp.objects.filter(item=bus).values_list("participation_id", flat=True))
    assert len(now_seated) == SEATS
    assert not now_seated & set(seated)
    assert WaitlistEntry.objects.filter(item=bus).count() == PEOPLE - 2 * SEATS
    assert AuditEntry.objects.filter(action="agenda-item.waitlist-promoted").count() == SEATS
    assert AgendaItem.objects.get(pk=bus.pk).capacity == SEATS
