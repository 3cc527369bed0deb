"""``matchfair serve``: the web application and its job worker, together, on 127.0.0.1.

The worker is a separate process running django-tasks' database worker, so a job
runs outside any web request and a job queued before a restart runs after it. The
server supervises it (``matchfair.web.jobs.supervisor``): started again when it
dies, stopped when the server stops, and ending by itself if the server is killed.
A background thread keeps the search indexes of the recent events built
(``exchange.search_index.start_keeper``), so the first search after a start or an
edit does not wait for one.

Links in e-mails point at ``MATCHFAIR_SITE_URL``; when it is not set, the server
makes it the address it serves on, in its own settings and in the environment the
worker inherits, so a worker's mail never links to another port.
"""

import os
import signal
from types import FrameType

from matchfair.web.jobs.supervisor import WorkerSupervisor

HOST = "127.0.0.1"

STOPPING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
"""End the server like Ctrl-C (SIGINT) does, so that the worker is stopped with it."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def waitress_options(port: int) -> dict[str, object]:
    """How waitress serves: on 127.0.0.1, believing X-Forwarded-* of the trusted proxy only."""
    from django.conf import settings

    from matchfair.web.security.settings_helpers import waitress_proxy_options

    return {
        "host": HOST,
        "port": port,
        "threads": 8,
        **waitress_proxy_options(settings.MATCHFAIR_TRUSTED_PROXY),
    }


def served_address(port: int) -> str:
    """The address ``serve`` answers on, as links in e-mails write it."""
    return f"http://{HOST}:{port}"


def default_site_url(port: int) -> str:
    """``MATCHFAIR_SITE_URL`` as configured, else the served address (also for the worker)."""
    from django.conf import settings

    configured = os.environ.get("MATCHFAIR_SITE_URL", "").strip()
    site_url = configured or served_address(port)
    os.environ["MATCHFAIR_SITE_URL"] = site_url
    settings.MATCHFAIR_SITE_URL = site_url
    return site_url


def serve(port: int) -> None:
    """Serve until interrupted or terminated; the worker is stopped with the server."""
    from waitress import serve as waitress_serve

    from matchfair.web.exchange.search_index import start_keeper
    from matchfair.web.wsgi import application

    default_site_url(port)
    for signum in STOPPING_SIGNALS:
        signal.signal(signum, _stop)
    worker = WorkerSupervisor()
    worker.start()
    keeper = start_keeper()
    try:
        waitress_serve(application, **waitress_options(port), _quiet=True)
    finally:
        keeper.set()
        worker.stop()
