"""``matchfair serve`` keeps its job worker running, and never leaves it running alone.

Before, a worker that died stayed dead while the server went on serving (runs
stayed queued for ever), and a server killed outright left its worker behind.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.web.jobs.processes import (
    ROOT,
    alive,
    children,
    end_processes,
    environment,
    free_port,
    job_status,
    last_worker_seen,
    queue_job,
    stop,
    wait_for,
)

MATCHFAIR = Path(sys.executable).with_name("matchfair")


def start_server(home: Path) -> subprocess.Popen[bytes]:
    command = [str(MATCHFAIR), "serve", "--port", str(free_port())]
    return subprocess.Popen(command, env=environment(home), cwd=ROOT, stdout=subprocess.DEVNULL)


def test_serve_starts_a_new_worker_when_its_worker_dies_and_the_new_one_runs_jobs(home):
    server = start_server(home)
    workers: list[int] = []
    try:
        workers += wait_for(lambda: children(server.pid), "the server to start its worker")
        os.kill(workers[0], signal.SIGKILL)
        workers += wait_for(
            lambda: [pid for pid in children(server.pid) if pid not in workers],
            "the server to start a new worker",
        )
        wait_for(lambda: last_worker_seen(home) == workers[1], "the new worker's heartbeat")
        job_id = queue_job(home)
        wait_for(lambda: job_status(home, job_id) == "succeeded", "the new worker to run the job")
        assert server.poll() is None
    finally:
        stop(server)
        end_processes(workers)


@pytest.mark.parametrize(
    "signum",
    [signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGKILL],
    ids=lambda signum: signal.Signals(signum).name,
)
def test_the_worker_ends_with_its_server(home, signum):
    server = start_server(home)
    workers: list[int] = []
    try:
        workers = wait_for(lambda: children(server.pid), "the server to start its worker")
        server.send_signal(signum)
        server.wait(timeout=60)
        wait_for(lambda: not any(alive(pid) for pid in workers), "the worker to end", timeout=60)
    finally:
        stop(server)
        end_processes(workers)
