"""Thirty answers to one meeting request at the same instant: one wins, one entry, one e-mail.

Each answer comes from its own client and database connection (one thread each), and
all pass a barrier right before posting, so every view reads the request while it is
still open; only the lock on the request's row makes the later answers see the first
(without it, seven of thirty were stored, audited and mailed). tests/web/portal/
test_requests.py shows the same interleaving on any database.
"""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from matchfair.web.audit.models import AuditEntry
from matchfair.web.meetings.models import MeetingRequest
from tests.web.factories import build_world
from tests.web.postgres import needs_postgresql

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True)]

ANSWERS = 30


def test_thirty_parallel_answers_store_one():
    world = build_world()
    asked = MeetingRequest.objects.get(
        event=world.event, requester=world.smart_eye, recipient=world.tsinghua
    )
    url = f"/api/events/{world.event.pk}/requests/{asked.pk}/answer"
    barrier = threading.Barrier(ANSWERS)
    statuses = [0] * ANSWERS
    mail.outbox = []

    def answer(index: int) -> None:
        client = Client()
        client.force_login(world.tsinghua_user)
        barrier.wait()
        try:
            response = client.post(url, {"accept": index % 2 == 0}, content_type="application/json")
            statuses[index] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=(index,)) for index in range(ANSWERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(statuses) == [200] + [409] * (ANSWERS - 1), statuses
    asked.refresh_from_db()
    assert asked.status in ("accepted", "declined")
    answered = AuditEntry.objects.filter(event=world.event, action=f"request.{asked.status}")
    assert answered.count() == 1
    assert [message.to for message in mail.outbox] == [[world.smart_eye_user.email]]
