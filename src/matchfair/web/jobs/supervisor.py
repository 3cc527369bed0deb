"""Keeping one job worker alive beside a server, and never leaving it behind.

A worker that dies (a crash, the out-of-memory killer, a stray ``kill``) is started
again, after 1 s, then 2, 4, ... up to a minute while it keeps dying at once, back
to 1 s after it has run for a minute. The server stops its worker when it stops,
whatever ended it; and should the server be killed outright (SIGKILL), the worker
notices: it holds the read end of a pipe whose only write end lives in the server,
so the read returns at the moment the server is gone, by any death, and the
worker then shuts down as on SIGTERM (the job in hand finishes, no new one starts).
"""

import logging
import os
import signal
import subprocess
import sys
import threading
import time

logger = logging.getLogger(__name__)

FIRST_DELAY = 1.0
MAX_DELAY = 60.0
STABLE_AFTER = 60.0
STOP_TIMEOUT = 30.0


def watch_parent(fd: int) -> None:
    """In the worker: shut down (as on SIGTERM) once the write end of pipe ``fd`` closes."""

    def wait_for_end() -> None:
        while os.read(fd, 1):
            continue
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=wait_for_end, name="parent-watch", daemon=True).start()


class WorkerSupervisor:
    """Runs ``python -m matchfair.web.manage job_worker`` and keeps it running until ``stop``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._process: subprocess.Popen[bytes] | None = None
        # A daemon: should the server end without ``stop``, it is not held open by this
        # thread, and its worker ends through the lifeline.
        self._thread = threading.Thread(
            target=self._keep_running, name="worker-supervisor", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def _spawn(self) -> tuple[subprocess.Popen[bytes], int]:
        """A new worker holding the read end of a fresh lifeline; returns it and the write end.

        Its own session: Ctrl-C in the terminal reaches the server only, which then
        stops the worker itself (and a worker that Ctrl-C had already stopped is not
        mistaken for one that died).
        """
        read_end, write_end = os.pipe()
        try:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "matchfair.web.manage",
                    "job_worker",
                    "--parent-fd",
                    str(read_end),
                    "--verbosity",
                    "0",
                ],
                pass_fds=(read_end,),
                start_new_session=True,
            )
        except OSError:
            os.close(write_end)
            raise
        finally:
            os.close(read_end)
        return process, write_end

    def _keep_running(self) -> None:
        delay = FIRST_DELAY
        while True:
            with self._lock:
                if self._stopping.is_set():
                    return
                self._process, lifeline = self._spawn()
            started = time.monotonic()
            status = self._process.wait()
            os.close(lifeline)
            if self._stopping.is_set():
                return
            if time.monotonic() - started >= STABLE_AFTER:
                delay = FIRST_DELAY
            logger.warning(
                "The job worker stopped (exit status %s); starting a new one in %.0f s.",
                status,
                delay,
            )
            if self._stopping.wait(delay):
                return
            delay = min(delay * 2, MAX_DELAY)

    def stop(self) -> None:
        """Stop the worker (SIGTERM, SIGKILL after 30 s) and start no other."""
        with self._lock:
            self._stopping.set()
            process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._thread.join()
