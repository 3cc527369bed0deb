"""The outbox's real SMTP server on 127.0.0.1, for the digest's end-to-end test."""

from tests.web.outbox.conftest import smtp_server  # noqa: F401  (a fixture shared with outbox)
