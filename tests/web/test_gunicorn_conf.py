"""The production gunicorn settings hide a worker's long-lived objects from the collector."""

import gc

from matchfair.web import gunicorn_conf


def test_a_loaded_worker_leaves_the_collector_only_what_requests_create():
    gc.unfreeze()
    try:
        gunicorn_conf.post_worker_init(worker=None)
        # The application, its URLs, views and schemas are frozen: a full collection
        # walks what is left, a small part of the process.
        assert gc.get_freeze_count() > 10 * len(gc.get_objects())
    finally:
        gc.unfreeze()
