"""The one task the worker runs: a job, by id (the job row carries everything else)."""

from django_tasks import task

from matchfair.web.jobs.services import run_job


@task()
def run_job_task(job_id: int) -> None:
    run_job(job_id)
