"""``matchfair serve`` starts the search-index keeper beside the worker and stops both with
the server."""

import threading

import waitress

import matchfair.web.exchange.search_index as search_index_module
import matchfair.web.server as server_module


class _Worker:
    def __init__(self) -> None:
        self.running = False

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False


def test_the_server_runs_the_keeper_while_it_serves(monkeypatch):
    stop = threading.Event()
    seen: dict[str, bool] = {}
    monkeypatch.setattr(search_index_module, "start_keeper", lambda: stop)
    monkeypatch.setattr(server_module, "WorkerSupervisor", _Worker)
    # The test process keeps its own signal handlers and site address.
    monkeypatch.setattr(server_module.signal, "signal", lambda signum, handler: None)
    monkeypatch.setattr(server_module, "default_site_url", lambda port: "http://127.0.0.1")

    def serving(application, **options) -> None:
        seen["keeper running while serving"] = not stop.is_set()

    monkeypatch.setattr(waitress, "serve", serving)
    server_module.serve(0)
    assert seen == {"keeper running while serving": True}
    assert stop.is_set()
