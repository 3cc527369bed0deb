"""The demo's mail server: a real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it gets.

``matchfair demo`` starts it in its own process and points the worker's SMTP
settings at it, so the demo's mails go the way production mails go (outbox, worker,
Django's SMTP backend, a server) and end in a Maildir folder that the organizer reads
in the browser ("Demo mailbox", ``mailbox_messages``). Nothing leaves the machine.
"""

import mailbox
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

HOST = "127.0.0.1"


class MaildirHandler:
    """Keeps every message it receives: in memory (``received``) and in a Maildir when given."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.received: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's hook name)
        content = envelope.original_content or envelope.content
        self.received.append(content)
        if self.folder is not None:
            mailbox.Maildir(self.folder, create=True).add(content)
        return "250 Message accepted"


def free_port() -> int:
    """A TCP port nobody listens on now, on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class SmtpSink:
    """An SMTP server on 127.0.0.1 in a thread of this process; stop and start it at will."""

    def __init__(self, handler: Any, port: int | None = None) -> None:
        self.handler = handler
        self.port = port or free_port()
        self._controller: Controller | None = None

    def start(self) -> "SmtpSink":
        self._controller = Controller(self.handler, hostname=HOST, port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@dataclass(frozen=True)
class ReceivedMail:
    """One message of the demo mailbox, as the page shows it."""

    key: str
    to: str
    subject: str
    date: datetime | None
    text: str
    html: str


def _read(key: str, raw: bytes) -> ReceivedMail:
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    try:
        date = parsedate_to_datetime(str(message["Date"])) if message["Date"] else None
    except (TypeError, ValueError):
        date = None
    if date is not None and date.tzinfo is None:
        # "-0000" says the zone is unknown; Django writes UTC there.
        date = date.replace(tzinfo=UTC)
    return ReceivedMail(
        key=key,
        to=str(message["To"] or ""),
        subject=str(message["Subject"] or ""),
        date=date,
        text=text.get_content() if text is not None else "",
        html=html.get_content() if html is not None else "",
    )


def mailbox_messages(folder: str | Path) -> list[ReceivedMail]:
    """What the sink received, newest first (nothing when the folder does not exist)."""
    path = Path(folder)
    if not (path / "cur").is_dir():
        return []
    box = mailbox.Maildir(path, create=False)
    found = [_read(key, box.get_bytes(key)) for key in box.iterkeys()]
    return sorted(
        found, key=lambda mail: mail.date or datetime.min.replace(tzinfo=UTC), reverse=True
    )
