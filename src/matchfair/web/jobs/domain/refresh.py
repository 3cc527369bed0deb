"""What an edit makes stale, kept current: one refresh of each queued in the background.

The recommender refreshes incrementally (``matching.incremental``): after one
organization's texts change it re-encodes only those texts and re-ranks only the lists
they can change, in seconds even at 10,000 organizations. The series directory's index
(``directory.series_directory.build_index``) likewise re-embeds only the organizations
whose text changed and adds them in place. So an edit of a profile, an organization or
an opportunity queues both at once instead of leaving the suggestions and the
directory stale until the organizer's next run.

Each is queued only where it was made before (nobody asked for it otherwise), with
the options of its last successful run (its encoder: another one would start afresh),
and never a second while one waits in the queue: a queued run reads the texts as they
are when it starts, so it covers every edit made before then. An edit made while a
run is already running queues the next.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from matchfair.web.events.models import Event
from matchfair.web.jobs.domain.queue import start_job
from matchfair.web.jobs.models import Job


def _queue_again(
    runs: QuerySet[Job], *, event: Event, kind: str, user: AbstractBaseUser | None
) -> Job | None:
    """A new run of ``kind`` for ``event`` when ``runs`` succeeded once and none waits."""
    last = runs.filter(status=Job.Status.SUCCEEDED).order_by("-pk").first()
    if last is None or runs.filter(status=Job.Status.QUEUED).exists():
        return None
    return start_job(event=event, kind=kind, user=user, options=last.options)


def refresh_recommendations(*, event: Event, user: AbstractBaseUser | None = None) -> Job | None:
    """Queue a recommendation run after an edit of ``event``'s texts; None when none is due."""
    runs = Job.objects.filter(event=event, kind=Job.Kind.RECOMMEND)
    return _queue_again(runs, event=event, kind=Job.Kind.RECOMMEND, user=user)


def refresh_series_directory(*, event: Event, user: AbstractBaseUser | None = None) -> Job | None:
    """Queue an update of the series directory's index after an edit; None when none is due.

    The index is the series', built from any of its editions: one run waiting for the
    series is enough, whichever edition it was started from.
    """
    if event.series_id is None:
        return None
    runs = Job.objects.filter(event__series=event.series_id, kind=Job.Kind.SERIES_DIRECTORY)
    return _queue_again(runs, event=event, kind=Job.Kind.SERIES_DIRECTORY, user=user)


def refresh_after_edit(*, event: Event, user: AbstractBaseUser | None = None) -> list[Job]:
    """Queue what an edit of ``event``'s texts makes stale; returns the jobs queued."""
    queued = [
        refresh_recommendations(event=event, user=user),
        refresh_series_directory(event=event, user=user),
    ]
    return [job for job in queued if job is not None]
