"""``matchfair serve``: the web application and its job worker, together, on 127.0.0.1.

The worker is a separate process running django-tasks' database worker, so a job
runs outside any web request and a job queued before a restart runs after it.
"""

import signal
import subprocess
import sys
from types import FrameType

HOST = "127.0.0.1"


def start_worker() -> subprocess.Popen[bytes]:
    """The job worker, as a child process that inherits the settings of this one."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "matchfair.web.manage",
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--verbosity",
            "0",
        ]
    )


def _stop(signum: int, frame: FrameType | None) -> None:
    """SIGTERM ends the server like Ctrl-C does, so that the worker is stopped with it."""
    raise SystemExit(0)


def serve(port: int) -> None:
    """Serve until interrupted or terminated; the worker is stopped with the server."""
    from waitress import serve as waitress_serve

    from matchfair.web.wsgi import application

    signal.signal(signal.SIGTERM, _stop)
    worker = start_worker()
    try:
        waitress_serve(application, host=HOST, port=port, threads=8, _quiet=True)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
