"""The job worker links to the address the server serves on, and ends with ``matchfair demo``.

Before, e-mails the worker sent linked to port 8000 whatever port ``serve`` or
``demo`` used, and stopping ``matchfair demo`` by its process id left the worker.
"""

import signal
import subprocess
import sys
from pathlib import Path

from tests.web.jobs.processes import (
    ROOT,
    alive,
    children,
    end_processes,
    environment,
    free_port,
    stop,
    wait_for,
)

MATCHFAIR = Path(sys.executable).with_name("matchfair")


def _site_url_of(pid: int) -> str | None:
    """MATCHFAIR_SITE_URL in the environment process ``pid`` was started with."""
    for entry in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
        name, _eq, value = entry.decode().partition("=")
        if name == "MATCHFAIR_SITE_URL":
            return value
    return None


def _job_workers(pid: int) -> list[int]:
    """The job workers among the children of ``pid`` (the demo starts other helpers too)."""
    found = []
    for child in children(pid):
        try:
            if b"job_worker" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
        except (FileNotFoundError, ProcessLookupError):
            continue  # a short-lived child (the demo starts several) exited meanwhile
    return found


def _worker_site_url(command: str, home: Path, **extra: str) -> tuple[int, str | None]:
    port = free_port()
    server = subprocess.Popen(
        [str(MATCHFAIR), command, "--port", str(port)],
        env=environment(home, **extra),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        workers = wait_for(lambda: _job_workers(server.pid), "the server to start its worker")
        return port, _site_url_of(workers[0])
    finally:
        stop(server)
        end_processes(workers)


def test_the_worker_links_to_the_port_serve_uses_when_no_site_address_is_set(home):
    port, site_url = _worker_site_url("serve", home)

    assert site_url == f"http://127.0.0.1:{port}"


def test_a_configured_site_address_is_kept_for_the_worker(home):
    _port, site_url = _worker_site_url("serve", home, MATCHFAIR_SITE_URL="https://fair.example.org")

    assert site_url == "https://fair.example.org"


def test_stopping_demo_by_its_process_id_leaves_no_worker(home):
    port = free_port()
    demo = subprocess.Popen(
        [str(MATCHFAIR), "demo", "--port", str(port)],
        env=environment(home),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        workers = wait_for(
            lambda: _job_workers(demo.pid), "the demo to start its worker", timeout=300
        )
        assert _site_url_of(workers[0]) == f"http://127.0.0.1:{port}"
        demo.send_signal(signal.SIGTERM)
        demo.wait(timeout=60)
        wait_for(lambda: not any(alive(pid) for pid in workers), "the worker to end", timeout=60)
    finally:
        stop(demo)
        end_processes(workers)
