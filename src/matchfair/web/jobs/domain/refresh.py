"""Recommendations kept current after an edit: one refresh run queued in the background.

The recommender refreshes incrementally (``matching.incremental``): after one
organization's texts change it re-encodes only those texts and re-ranks only the lists
they can change, in seconds even at 10,000 organizations. So an edit of a profile or an
opportunity queues a recommendation run at once instead of leaving the suggestions stale
until the organizer's next full run. Only an event that already has recommendations
gets one (nobody asked for them otherwise), and never a second while one waits in the
queue: a queued run reads the texts as they are when it starts, so it covers every
edit made before then. An edit made while a run is already running queues the next.
"""

from django.contrib.auth.models import AbstractBaseUser

from matchfair.web.events.models import Event
from matchfair.web.jobs.domain.queue import start_job
from matchfair.web.jobs.models import Job


def refresh_recommendations(*, event: Event, user: AbstractBaseUser | None = None) -> Job | None:
    """Queue a recommendation run after an edit of ``event``'s texts; None when none is due."""
    runs = Job.objects.filter(event=event, kind=Job.Kind.RECOMMEND)
    if not runs.filter(status=Job.Status.SUCCEEDED).exists():
        return None
    if runs.filter(status=Job.Status.QUEUED).exists():
        return None
    return start_job(event=event, kind=Job.Kind.RECOMMEND, user=user)
