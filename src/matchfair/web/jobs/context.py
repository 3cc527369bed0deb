"""What every page may show about the job worker: whether none has been seen lately."""

from collections.abc import Callable

from django.http import HttpRequest

from matchfair.web.jobs.heartbeat import worker_silent


def job_worker(request: HttpRequest) -> dict[str, Callable[[], bool]]:
    """``job_worker_silent`` for the organizer's banner, as a callable: the template calls
    it, and so queries the database, only on the pages that show the banner."""
    return {"job_worker_silent": worker_silent}
