"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the mail tests, and settings that reach it.

The fixture is registered for every web test in ``tests/web/conftest.py``.
"""

from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from matchfair.web.outbox.sink import MaildirHandler, SmtpSink


class Server(SmtpSink):
    """The sink with what the tests read: the messages parsed."""

    @property
    def messages(self) -> list[EmailMessage]:
        return [message_from_bytes(raw, policy=policy.default) for raw in self.handler.received]


@pytest.fixture
def smtp_server(settings) -> Iterator[Server]:
    """An SMTP server on 127.0.0.1 that Django's SMTP backend delivers to."""
    server = Server(MaildirHandler()).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()
