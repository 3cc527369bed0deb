"""The organizer's pages say when no job worker has been seen for a minute.

Before, a dead worker was noticed only by runs that stayed "queued" without a word.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from matchfair.web.jobs.heartbeat import note_worker_alive
from matchfair.web.jobs.models import WorkerBeat

pytestmark = pytest.mark.django_db

BANNER = "data-worker-silent"
PAGES = ["orga:event", "orga:jobs", "orga:schedule"]


def last_seen(ago: timedelta) -> None:
    note_worker_alive()
    WorkerBeat.objects.update(seen_at=timezone.now() - ago)


@pytest.mark.parametrize("page", PAGES)
def test_the_banner_shows_when_the_worker_was_last_seen_over_a_minute_ago(
    organizer_client, event, page
):
    last_seen(timedelta(seconds=61))
    assert BANNER in organizer_client.get(reverse(page, args=[event.pk])).content.decode()


@pytest.mark.parametrize("page", PAGES)
def test_no_banner_while_the_worker_beats(organizer_client, event, page):
    last_seen(timedelta(seconds=10))
    assert BANNER not in organizer_client.get(reverse(page, args=[event.pk])).content.decode()


def test_the_banner_shows_when_no_worker_was_ever_seen_in_the_pages_language(
    organizer_client, event
):
    response = organizer_client.get(
        reverse("orga:jobs", args=[event.pk]), HTTP_ACCEPT_LANGUAGE="de"
    )
    assert "Seit einer Minute wurde kein Job-Worker gesehen" in response.content.decode()


def test_pages_without_an_event_do_not_look_for_the_worker(organizer_client, event):
    last_seen(timedelta(hours=1))
    assert BANNER not in organizer_client.get(reverse("portal:home")).content.decode()
