"""Real servers and workers on a SQLite database of their own, and what the tests look at.

Servers, workers and the test share one database file, as in production; the test
reads it with the standard library, not through Django's test database.
"""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DATABASE = "matchfair.sqlite3"

QUEUE_A_JOB = """
from matchfair.web.boot import start_django
start_django(keep_secret_key=True)
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.domain.queue import start_job
from tests.web.factories import make_event
print(start_job(event=make_event(), kind=Job.Kind.SCHEDULE, options={"time_limit": 2}).pk)
"""


def environment(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MATCHFAIR_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env | {"MATCHFAIR_HOME": str(home), "MATCHFAIR_ENCODER": "fake", **extra}


def queue_job(home: Path) -> int:
    """Import the test event and queue a short scheduling run in ``home``; its job id."""
    done = subprocess.run(
        [sys.executable, "-c", QUEUE_A_JOB],
        env=environment(home),
        cwd=ROOT,
        check=True,
        timeout=300,
        capture_output=True,
        text=True,
    )
    return int(done.stdout.split()[-1])


def job_status(home: Path, job_id: int) -> str:
    with closing(sqlite3.connect(home / DATABASE, timeout=30)) as database:
        return database.execute("SELECT status FROM jobs_job WHERE id = ?", (job_id,)).fetchone()[0]


def last_worker_seen(home: Path) -> int | None:
    """The process id of the job worker that beat last, if any did."""
    with closing(sqlite3.connect(home / DATABASE, timeout=30)) as database:
        row = database.execute("SELECT pid FROM jobs_workerbeat").fetchone()
    return row and row[0]


@contextmanager
def write_lock(home: Path) -> Iterator[None]:
    """Hold the database's write lock (as a long import or a second program would)."""
    with closing(sqlite3.connect(home / DATABASE, isolation_level=None)) as database:
        database.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            database.execute("ROLLBACK")


def wait_for(condition: Callable[[], object], what: str, timeout: float = 120) -> object:
    """Poll ``condition`` until it returns something true; fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def children(pid: int) -> list[int]:
    """The live processes whose parent is ``pid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """End a process this test started, however far it got."""
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def end_processes(pids: list[int]) -> None:
    """End processes that outlived their parent (what the tests check must not happen)."""
    for pid in pids:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
