"""Two organizers move two meetings of one organization into the same slot at the same moment.

Each client has its own database connection (one thread each) and both pass a
barrier right before the move, so both check the slot before either has written:
only the lock on the event's schedule makes the second see the first.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Q
from django.test import Client

from matchfair.web.directory.models import Participation
from matchfair.web.meetings.models import Meeting
from tests.web.factories import build_world
from tests.web.postgres import needs_postgresql

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True)]

ROUNDS = 3


def move_together(world, meetings: list[Meeting], start) -> list[int]:
    """POST both moves from parallel clients; the HTTP statuses, in order."""
    barrier = threading.Barrier(len(meetings))
    statuses: list[int] = [0] * len(meetings)

    def move(index: int, meeting: Meeting) -> None:
        client = Client()
        client.force_login(world.organizer)
        barrier.wait()
        try:
            response = client.post(
                f"/api/events/{world.event.pk}/meetings/{meeting.pk}/move",
                {"session": "day1-pm", "start": start.isoformat()},
                content_type="application/json",
            )
            statuses[index] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=move, args=pair) for pair in enumerate(meetings)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


def test_two_parallel_moves_into_one_slot_leave_exactly_one_meeting():
    world = build_world()
    Participation.objects.filter(pk=world.tegnology.pk).update(delegates=1)
    # TEGnology (one delegate, available 14:00-15:00) meets Tsinghua at 14:00 and
    # Smart Eye at 14:50, both online; both meetings are moved to 14:25 at once.
    meetings = [world.published, world.draft]
    Meeting.objects.filter(pk__in=[m.pk for m in meetings]).update(
        online=True, location=None, interpreter=None
    )
    origins = {m.pk: (m.start, m.end) for m in meetings}
    target = world.published.session.start + timedelta(minutes=25)
    for _round in range(ROUNDS):
        for pk, (start, end) in origins.items():
            Meeting.objects.filter(pk=pk).update(start=start, end=end)
        statuses = move_together(world, meetings, target)
        assert sorted(statuses) == [200, 409], statuses
        at_target = Meeting.objects.filter(event=world.event, start=target)
        assert at_target.filter(Q(a=world.tegnology) | Q(b=world.tegnology)).count() == 1
