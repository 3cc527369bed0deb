"""The one task the worker runs: a job, by id (the job row carries everything else)."""

from django_tasks import task

from matchfair.web.jobs.runners import run_job
from matchfair.web.jobs.worker import retrying


@task()
def run_job_task(job_id: int) -> None:
    """Run the job, waiting out a locked or lost database on the way.

    Without the wait, a lock met before the job is marked running failed the task
    and left the job "queued" for ever. Calling ``run_job`` again is safe: it leaves
    a job that is no longer queued alone.
    """
    retrying(lambda: run_job(job_id))
