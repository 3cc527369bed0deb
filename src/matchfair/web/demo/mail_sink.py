"""The demo's own mail server: ``matchfair demo`` sends real SMTP to it, nothing leaves the machine.

Started in the demo's process before the web server and its worker: the worker (a
child process) inherits the SMTP settings through the environment, so the demo's
mails take the production path (outbox, worker, Django's SMTP backend) and land in
a Maildir under ``MATCHFAIR_HOME`` that the organizer reads on the "Demo mailbox"
page (``orga:demo_mailbox``, linked from their home while the sink runs).
"""

import os
from pathlib import Path

from django.conf import settings

from matchfair.web.outbox.sink import HOST, MaildirHandler, SmtpSink


def start_demo_sink(folder: Path | None = None) -> SmtpSink:
    """Start the sink on a free port of 127.0.0.1 and point this process and its worker at it."""
    folder = folder or Path(settings.MATCHFAIR_HOME) / "demo-mailbox"
    sink = SmtpSink(MaildirHandler(folder)).start()
    values = {
        "MATCHFAIR_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "MATCHFAIR_EMAIL_HOST": HOST,
        "MATCHFAIR_EMAIL_PORT": str(sink.port),
        "MATCHFAIR_EMAIL_TLS": "",
        "MATCHFAIR_EMAIL_SSL": "",
        "MATCHFAIR_EMAIL_USER": "",
        "MATCHFAIR_EMAIL_PASSWORD": "",
        "MATCHFAIR_MAIL_SINK_DIR": str(folder),
    }
    os.environ.update(values)
    settings.EMAIL_BACKEND = values["MATCHFAIR_EMAIL_BACKEND"]
    settings.EMAIL_HOST, settings.EMAIL_PORT = HOST, sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.MATCHFAIR_MAIL_SINK_DIR = str(folder)
    return sink
