"""``python -m matchfair.web.manage job_worker``: the job worker that ``matchfair serve`` runs.

django-tasks-db's ``db_worker``, with three additions: it waits out a locked or lost
database instead of ending (``RetryingWorker``), it shows that it is alive even
between jobs (the organizer's pages warn when no worker has been seen for a
minute), and with ``--parent-fd`` it ends with the server that started it.
"""

from argparse import ArgumentParser

from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string
from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME

from matchfair.web.jobs.heartbeat import worker_heartbeat
from matchfair.web.jobs.supervisor import watch_parent
from matchfair.web.jobs.worker import RetryingWorker


class Command(BaseCommand):
    help = "Run the job worker until stopped, waiting out a busy or lost database."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between looks for a new job when there is none (default: 1).",
        )
        parser.add_argument(
            "--parent-fd",
            type=int,
            help="Read end of a pipe from the server that started this worker: "
            "the worker stops when the server is gone.",
        )

    def handle(self, *, interval: float, parent_fd: int | None, **options: object) -> None:
        if parent_fd is not None:
            watch_parent(parent_fd)
        worker = RetryingWorker(
            queue_names=[DEFAULT_TASK_QUEUE_NAME],
            interval=interval,
            batch=False,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        with worker_heartbeat():
            worker.run()
