"""gunicorn settings recommended for serving Matchfair in production (docs/web.md).

    gunicorn matchfair.web.wsgi:application -c python:matchfair.web.gunicorn_conf --workers N

The garbage collector is the reason for this file. A worker holds some 160,000
objects once Django, the API and the models are imported; CPython's full collection
walks them all, with the GIL held, and took 110-230 ms on a loaded 2-core machine,
a dozen times a minute under 200 participants: every request of the worker waited
that long. Those objects live as long as the process, so they are frozen (moved out
of the collector's sight) once the application is loaded; collections then only
walk what requests create.
"""

import gc
from importlib import import_module
from typing import Any

# Threads answer requests while other threads of the process wait for PostgreSQL.
worker_class = "gthread"
threads = 4
# Longer than a person's pause between clicks: the browser's idle connection stays open,
# and a request is never sent on a connection the server is closing at that moment.
keepalive = 30


def post_worker_init(worker: Any) -> None:
    """After the worker imported the application: freeze what it holds for its lifetime.

    The URLs (every view, API router and schema: half of those objects) are otherwise
    imported by the first request, after the freeze; they are imported here instead.
    """
    from django.conf import settings

    import_module(settings.ROOT_URLCONF)
    gc.collect()
    gc.freeze()
