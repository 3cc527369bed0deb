"""The mail outbox at a campaign's size: queueing 5,000 mails in 4 languages, delivering them.

Targets of #15: 5,000 recipients in 4 languages queued in under 10 s, delivered to a
local SMTP server at 50 messages per second or better. On a fresh SQLite database in
a temporary MATCHFAIR_HOME:

- queueing: ``outbox.domain.queueing.queue_mails`` (each mail checked in its reader's
  language, one insert, one wake-up), against a baseline in the same run: the same
  rows inserted with ``bulk_create`` and no checks;
- delivery: ``outbox.domain.delivery.deliver_due`` (claim in batches, write each mail
  in its language, send through Django's SMTP backend, mark it sent) to an aiosmtpd
  server on 127.0.0.1 in this process, against a baseline in the same run: the same
  number of ready-made messages sent through one SMTP connection, no database.

    python bench/mail_outbox.py
    python bench/mail_outbox.py --mails 1000 --repeat 3
"""

import argparse
import os
import statistics
import tempfile
import time

LANGUAGES = ("en", "de", "fr", "zh-hans")


class Counter:
    """An SMTP handler that only counts (the sink's work kept small)."""

    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's hook)
        self.count += 1
        return "250 OK"


def run(mails: int, repeat: int) -> None:
    from matchfair.web.boot import start_django

    start_django(keep_secret_key=True)
    from django.conf import settings
    from django.core.mail import EmailMultiAlternatives, get_connection
    from django.core.management import call_command
    from django.urls import reverse

    from matchfair.web import stored_text
    from matchfair.web.events.models import Event
    from matchfair.web.outbox.domain import delivery
    from matchfair.web.outbox.domain.queueing import Draft, queue_mails
    from matchfair.web.outbox.models import Mail
    from matchfair.web.outbox.sink import SmtpSink

    call_command("migrate", verbosity=0)
    # A worker loads the URL map once, at its first mail's links: not part of the rate.
    reverse("portal:settings")
    settings.MATCHFAIR_MAIL_TASK_BACKEND = "default"
    event = Event.objects.create(code="bench-fair", name="EU-China Cooperation Fair 2026")
    drafts = [
        Draft(
            address=f"delegate{number}@example.org",
            name=f"Delegate {number}",
            language=LANGUAGES[number % len(LANGUAGES)],
            kind=Mail.Kind.AGENDA,
            subject=stored_text.gettext("Your agenda for %(event)s", event=event.name),
            body=stored_text.gettext("Your agenda for %(event)s is published.", event=event.name),
            link=f"/events/my/{number}/agenda/",
            site_url="https://fair.example",
            event=event,
        )
        for number in range(mails)
    ]

    def baseline_queue() -> None:
        Mail.objects.bulk_create(
            [
                Mail(
                    event=event,
                    address=d.address,
                    name=d.name,
                    language=d.language,
                    kind=d.kind,
                    subject=d.subject,
                    body=d.body,
                    link=d.link,
                    site_url=d.site_url,
                )
                for d in drafts
            ],
            batch_size=500,
        )

    queue_s, base_s, deliver_s, send_s = [], [], [], []
    handler = Counter()
    sink = SmtpSink(handler).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
    try:
        for _ in range(repeat):
            Mail.objects.all().delete()
            started = time.perf_counter()
            baseline_queue()
            base_s.append(time.perf_counter() - started)
            Mail.objects.all().delete()
            started = time.perf_counter()
            queue_mails(drafts)
            queue_s.append(time.perf_counter() - started)

            before = handler.count
            started = time.perf_counter()
            report = delivery.deliver_due()
            deliver_s.append(time.perf_counter() - started)
            assert report.sent == mails, report
            assert handler.count - before == mails, "the server did not get every mail"
            assert not Mail.objects.exclude(state=Mail.State.SENT).exists()

            ready = [
                EmailMultiAlternatives("Your agenda", "Your agenda is published.", to=[d.address])
                for d in drafts
            ]
            for message in ready:
                message.attach_alternative("<p>Your agenda is published.</p>", "text/html")
            connection = get_connection()
            started = time.perf_counter()
            connection.open()
            for message in ready:
                connection.send_messages([message])
            connection.close()
            send_s.append(time.perf_counter() - started)
    finally:
        sink.stop()
    for number, (queued, base, delivered, sent) in enumerate(
        zip(queue_s, base_s, deliver_s, send_s, strict=True), 1
    ):
        print(
            f"repeat {number}: queue {queued:.2f} s, bulk_create {base:.2f} s, "
            f"deliver {delivered:.1f} s, SMTP only {sent:.1f} s"
        )
    queue, base = statistics.median(queue_s), statistics.median(base_s)
    deliver, send = statistics.median(deliver_s), statistics.median(send_s)
    print(f"{mails} mails in {len(LANGUAGES)} languages, {repeat} repeats (medians)")
    print(
        f"queue_mails: {queue:.2f} s; baseline bulk_create: {base:.2f} s; ratio {queue / base:.1f}"
    )
    print(
        f"deliver_due: {deliver:.1f} s = {mails / deliver:.0f} mails/s; "
        f"baseline SMTP only: {send:.1f} s = {mails / send:.0f} mails/s; ratio {deliver / send:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["MATCHFAIR_HOME"] = home
        run(arguments.mails, arguments.repeat)


if __name__ == "__main__":
    main()
