"""Parallel clients book the last free tables of one slot at the same moment (PostgreSQL).

Each client has its own database connection (one thread each) and all pass a barrier
right before the booking, so all look for a free table before any has written: only
the schedule lock, taken before every check, makes each see the bookings before it.
Exactly as many bookings succeed as tables were free; the others are told the tables
are taken, and no table holds two meetings.
"""

import threading
from datetime import datetime

import pytest
from django.db import connection
from django.test import Client

from matchfair.web.meetings.models import Meeting
from tests.web import factories
from tests.web.eventday.spot_world import at, spot_world
from tests.web.factories import BERLIN, user_of
from tests.web.postgres import needs_postgresql

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True)]

PAIRS = 6
TABLES = 2


def book_together(event, pairs) -> list[tuple[int, dict]]:
    """POST every pair's booking of 10:00 from parallel clients; (status, body), in order."""
    barrier = threading.Barrier(len(pairs))
    answers: list[tuple[int, dict]] = [(0, {})] * len(pairs)

    def book(index: int, booker, partner) -> None:
        client = Client()
        client.force_login(user_of(booker))
        barrier.wait()
        try:
            response = client.post(
                f"/api/events/{event.pk}/spot",
                {"partner": partner.pk, "session": "day1", "start": at(10, 0).isoformat()},
                content_type="application/json",
            )
            answers[index] = (response.status_code, response.json())
        finally:
            connection.close()

    threads = [
        threading.Thread(target=book, args=(index, *pair)) for index, pair in enumerate(pairs)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def test_parallel_bookings_of_the_last_free_tables_give_each_table_once(owner, monkeypatch):
    monkeypatch.setattr(
        "django.utils.timezone.now", lambda: datetime(2026, 12, 1, 9, 40, tzinfo=BERLIN)
    )
    world = spot_world(owner)
    world.event.tables = TABLES
    world.event.save(update_fields=["tables"])
    sides = [
        factories.participant(
            world.event, name=f"Rush {number} Ltd", country="DK", email=f"rush{number}@fair.example"
        )
        for number in range(2 * PAIRS)
    ]
    pairs = list(zip(sides[0::2], sides[1::2], strict=True))

    answers = book_together(world.event, pairs)

    statuses = sorted(status for status, _body in answers)
    assert statuses == [201] * TABLES + [409] * (PAIRS - TABLES), answers
    refused = [body["errors"][0]["message"] for status, body in answers if status == 409]
    assert set(refused) == {f"All {TABLES} tables are taken then."}
    booked = Meeting.objects.filter(event=world.event, start=at(10, 0))
    assert sorted(booked.values_list("location", flat=True)) == ["table-1", "table-2"]
