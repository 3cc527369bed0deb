"""Delivering the outbox: claim due mails, hand each to the SMTP server, record what happened.

Every transition is an update guarded by the state it leaves (and, for a claimed
mail, by the worker's claim token), so two workers, or a worker and a retry, never
both send a mail: a mail goes queued -> sending (claimed, one attempt counted) ->
sent, or back to queued with a later ``next_attempt_at``, or to failed. Claiming
takes ``select_for_update(skip_locked=True)`` where the database has it
(PostgreSQL), so parallel workers take different mails without waiting.

What happened decides what follows: the server's 5xx answer for the mail (unknown
mailbox, refused sender, refused content) fails it for good, shown to the
organizer; a 4xx answer or a server that cannot be reached (down, restarting,
timing out) puts it back for a later try, waiting twice as long each time
(``MATCHFAIR_MAIL_RETRY_SECONDS``, doubling up to ``MATCHFAIR_MAIL_RETRY_MAX_SECONDS``)
until ``MATCHFAIR_MAIL_MAX_ATTEMPTS``. A server that cannot be reached ends the
round: the other mails claimed with it go back untried, so a server down for
minutes costs retries, not mails. A worker that died between claim and answer
leaves its mails "sending"; after ``MATCHFAIR_MAIL_CLAIM_TIMEOUT`` seconds they are
queued again. That is the one case where a mail can reach the server twice: the
mails the server took in the last second (at most ``SENT_FLUSH``) before the worker
was killed, not yet written as sent; each keeps its Message-ID, so the receiver can
tell.
"""

import smtplib
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.crypto import get_random_string

from matchfair.web.outbox.models import Mail
from matchfair.web.outbox.rendering import compose

BATCH = 50
"""Mails claimed at once: one transaction per batch instead of per mail."""
SENT_FLUSH = 25
SENT_FLUSH_SECONDS = 1.0


@dataclass
class DeliveryReport:
    """What one round of delivery did."""

    sent: int = 0
    retried: int = 0
    failed: int = 0


@dataclass(frozen=True)
class Outcome:
    """How one attempt ended: ``permanent`` fails the mail, ``server_down`` ends the round."""

    error: str
    permanent: bool
    server_down: bool = False


def classify(error: Exception, address: str) -> Outcome:
    """What an exception of Django's SMTP backend means for this mail."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(error.recipients.values()), (550, b""))
        text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
        return Outcome(f"{code} {text} ({address})", permanent=code >= 500)
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return Outcome(
            f"{error.smtp_code} {text}",
            permanent=error.smtp_code >= 500,
            server_down=error.smtp_code == 421,
        )
    return Outcome(f"{type(error).__name__}: {error}", permanent=False, server_down=True)


def backoff(attempts: int) -> timedelta:
    """The wait before attempt ``attempts + 1``: doubling from the first, with a ceiling."""
    first = settings.MATCHFAIR_MAIL_RETRY_SECONDS
    return timedelta(
        seconds=min(first * 2 ** max(attempts - 1, 0), settings.MATCHFAIR_MAIL_RETRY_MAX_SECONDS)
    )


def requeue_stale(now: datetime) -> int:
    """Queue again the mails a vanished worker left "sending" (the number)."""
    limit = now - timedelta(seconds=settings.MATCHFAIR_MAIL_CLAIM_TIMEOUT)
    return Mail.objects.filter(state=Mail.State.SENDING, claimed_at__lt=limit).update(
        state=Mail.State.QUEUED, claim="", next_attempt_at=now
    )


def claim(now: datetime, limit: int, token: str) -> list[Mail]:
    """Take up to ``limit`` due mails for this worker; another worker's are skipped."""
    with transaction.atomic():
        due = (
            Mail.objects.select_for_update(skip_locked=True)
            .filter(state=Mail.State.QUEUED, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        ids = list(due)
        if not ids:
            return []
        # The time of this claim, not of the round's start: a long round's last batch
        # must not look stale to another worker.
        Mail.objects.filter(pk__in=ids, state=Mail.State.QUEUED).update(
            state=Mail.State.SENDING,
            claim=token,
            claimed_at=max(now, timezone.now()),
            attempts=F("attempts") + 1,
        )
    return list(
        Mail.objects.filter(pk__in=ids, state=Mail.State.SENDING, claim=token)
        .select_related("event")
        .order_by("next_attempt_at", "pk")
    )


def _mine(mail: Mail, token: str) -> QuerySet[Mail]:
    return Mail.objects.filter(pk=mail.pk, state=Mail.State.SENDING, claim=token)


def mark_sent(ids: list[int], token: str) -> int:
    """Sent: the number of these mails that were still this worker's."""
    if not ids:
        return 0
    return Mail.objects.filter(pk__in=ids, state=Mail.State.SENDING, claim=token).update(
        state=Mail.State.SENT, sent_at=timezone.now(), last_error="", claim=""
    )


def mark_unsent(mail: Mail, token: str, outcome: Outcome, now: datetime) -> str:
    """Failed for good, or queued again after its back-off: the state it ends in."""
    if outcome.permanent or mail.attempts >= settings.MATCHFAIR_MAIL_MAX_ATTEMPTS:
        _mine(mail, token).update(state=Mail.State.FAILED, last_error=outcome.error, claim="")
        return Mail.State.FAILED
    _mine(mail, token).update(
        state=Mail.State.QUEUED,
        last_error=outcome.error,
        claim="",
        next_attempt_at=now + backoff(mail.attempts),
    )
    return Mail.State.QUEUED


def release(mails: list[Mail], token: str, when: datetime) -> None:
    """Give back claimed mails that were never tried: no attempt counted."""
    Mail.objects.filter(
        pk__in=[mail.pk for mail in mails], state=Mail.State.SENDING, claim=token
    ).update(state=Mail.State.QUEUED, claim="", attempts=F("attempts") - 1, next_attempt_at=when)


def _send(connection: BaseEmailBackend, mail: Mail) -> Outcome | None:
    """One mail to the server: None when it accepted it, else what went wrong."""
    try:
        message = compose(mail)
        if getattr(connection, "connection", True) is None:
            # Opened here, the connection stays open for the round; opened by
            # send_messages, it would be closed after each mail.
            connection.open()
        connection.send_messages([message])
    except (smtplib.SMTPException, OSError) as error:
        return classify(error, mail.address)
    return None


class _SentLog:
    """The mails the server took, written as sent a few at a time.

    One commit per mail cost more than the sending (SQLite's sync on each commit): the
    ids are written every ``SENT_FLUSH`` mails or ``SENT_FLUSH_SECONDS``, and always
    before anything else is written (a refusal, the end of the round).
    """

    def __init__(self, token: str, report: DeliveryReport) -> None:
        self.token, self.report = token, report
        self.ids: list[int] = []
        self.since = time.monotonic()

    def add(self, mail: Mail) -> None:
        self.ids.append(mail.pk)
        if len(self.ids) >= SENT_FLUSH or time.monotonic() - self.since > SENT_FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self.report.sent += mark_sent(self.ids, self.token)
        self.ids, self.since = [], time.monotonic()


def deliver_due(*, now: datetime | None = None, limit: int | None = None) -> DeliveryReport:
    """Send the due mails (all, or ``limit``) through one connection to the mail server.

    ``now`` is the clock the due dates are compared with (tests move it forward).
    """
    now = now or timezone.now()
    requeue_stale(now)
    token = get_random_string(32)
    report = DeliveryReport()
    sent = _SentLog(token, report)
    tried = 0
    connection = get_connection(fail_silently=False)
    try:
        while limit is None or tried < limit:
            batch = claim(now, BATCH if limit is None else min(BATCH, limit - tried), token)
            if not batch:
                break
            for position, mail in enumerate(batch):
                tried += 1
                outcome = _send(connection, mail)
                if outcome is None:
                    sent.add(mail)
                    continue
                sent.flush()
                if mark_unsent(mail, token, outcome, now) == Mail.State.FAILED:
                    report.failed += 1
                else:
                    report.retried += 1
                if outcome.server_down:
                    release(batch[position + 1 :], token, now + backoff(mail.attempts))
                    return report
    finally:
        sent.flush()
        _close(connection)
    return report


def _close(connection: BaseEmailBackend) -> None:
    """Close the connection; one the server dropped may fail to say goodbye."""
    try:
        connection.close()
    except (smtplib.SMTPException, OSError):
        connection.connection = None


def next_retry() -> datetime | None:
    """When the worker should look again: the earliest queued mail's next try, or when a
    mail left "sending" by a vanished worker may be queued again (None: nothing waits)."""
    queued = (
        Mail.objects.filter(state=Mail.State.QUEUED)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    claimed = (
        Mail.objects.filter(state=Mail.State.SENDING)
        .order_by("claimed_at")
        .values_list("claimed_at", flat=True)
        .first()
    )
    if claimed is not None:
        claimed += timedelta(seconds=settings.MATCHFAIR_MAIL_CLAIM_TIMEOUT + 1)
    return min((when for when in (queued, claimed) if when is not None), default=None)
