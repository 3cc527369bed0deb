"""Behind a TLS proxy: X-Forwarded-Proto is believed from the trusted proxy only.

The server is the real one `matchfair serve` runs (waitress with its options) on a free
port of 127.0.0.1; the test's own connections are the proxy when the trusted proxy is
127.0.0.1, and a stranger when it is another address.
"""

import http.client
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application
from django.test import override_settings
from waitress import create_server, wasyncore

from matchfair.web.security.settings_helpers import https_settings, trusted_proxy
from matchfair.web.server import waitress_options

HTTPS = https_settings(enabled=True)


@contextmanager
def running_server(proxy: str | None) -> Iterator[int]:
    """``matchfair serve``'s waitress on a free port, trusting ``proxy``; yields the port."""
    with override_settings(**HTTPS, MATCHFAIR_TRUSTED_PROXY=proxy):
        # A fresh application: the security middleware reads its settings when made.
        server = create_server(get_wsgi_application(), **{**waitress_options(0), "threads": 2})
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            yield server.effective_port
        finally:
            # Closed from inside the server's own loop: closed from this thread, its
            # sockets would vanish under a select() still waiting on them ("Bad file
            # descriptor" in the server's thread). An empty map ends the loop.
            server.task_dispatcher.shutdown(timeout=10)
            server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
            thread.join(timeout=10)
            assert not thread.is_alive()


def _get(port: int, headers: dict[str, str]) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/api/openapi.json", headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_https_from_the_trusted_proxy_is_served_without_a_redirect():
    with running_server("127.0.0.1") as port:
        response = _get(port, {"X-Forwarded-Proto": "https"})
    assert response.status == 200
    assert response.getheader("Strict-Transport-Security").startswith("max-age=31536000")


def test_plain_http_from_the_trusted_proxy_is_sent_to_https():
    with running_server("127.0.0.1") as port:
        response = _get(port, {"X-Forwarded-Proto": "http"})
    assert response.status == 301
    assert response.getheader("Location").startswith("https://")


@pytest.mark.parametrize("proxy", [None, "10.9.8.7"])
def test_a_client_that_is_not_the_trusted_proxy_cannot_claim_https(proxy: str | None):
    with running_server(proxy) as port:
        response = _get(port, {"X-Forwarded-Proto": "https"})
    assert response.status == 301
    assert response.getheader("Location").startswith("https://")


def test_django_itself_does_not_believe_the_header(client):
    with override_settings(**HTTPS):
        response = client.get("/api/openapi.json", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301


def test_the_trusted_proxy_setting_is_an_address():
    assert trusted_proxy("") is None
    assert trusted_proxy(" 127.0.0.1 ") == "127.0.0.1"
    assert trusted_proxy("::1") == "::1"
    assert trusted_proxy("*") == "*"
    with pytest.raises(ImproperlyConfigured):
        trusted_proxy("proxy.example, 10.0.0.1")
