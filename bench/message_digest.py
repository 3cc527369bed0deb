"""Messages between participants at a fair's size: sending, unread counts, the e-mail digest.

On a fresh SQLite database in a temporary MATCHFAIR_HOME: an event of ``--orgs``
organizations with two delegates each (languages en, de, fr, zh-hans in turn);
``--messages`` messages between random pairs, each sent with
``talk.domain.messages.send_message`` (limits, conversation, read mark). Then:

- the digest: ``talk.domain.digests.send_digests`` once (one mail per delegate with
  unread messages, written in the outbox), against a baseline in the same run: what a
  mail per message would queue, one ``outbox.queue_mails`` call with a draft per
  message and receiving delegate;
- the unread counts of the busiest organization (``conversations_of`` and
  ``unread_total``, what the Messages page and the menu read).

    python bench/message_digest.py
    python bench/message_digest.py --orgs 100 --messages 1000 --repeat 3
"""

import argparse
import os
import random
import statistics
import tempfile
import time
from collections import Counter
from datetime import timedelta

LANGUAGES = ("en", "de", "fr", "zh-hans")


def run(orgs: int, messages: int, repeat: int) -> None:
    from matchfair.web.boot import start_django

    start_django(keep_secret_key=True)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.urls import reverse
    from django.utils import timezone

    from matchfair.web import stored_text
    from matchfair.web.directory.models import Delegate, Organization, Participation
    from matchfair.web.events.models import Event
    from matchfair.web.notify.models import PersonalSettings
    from matchfair.web.outbox.domain.queueing import Draft, queue_mails
    from matchfair.web.outbox.models import Mail
    from matchfair.web.talk.domain.digests import send_digests
    from matchfair.web.talk.domain.messages import send_message
    from matchfair.web.talk.models import DigestMark, Message
    from matchfair.web.talk.queries import conversations_of, unread_total
    from matchfair.web.talk.wake import DIGEST_INTERVAL

    call_command("migrate", verbosity=0)
    reverse("portal:settings")
    event = Event.objects.create(code="bench-fair", name="EU-China Cooperation Fair 2026")
    users = get_user_model()
    sides, people = [], {}
    for number in range(orgs):
        organization = Organization.objects.create(name=f"Firm {number}", country="DE")
        sides.append(
            Participation.objects.create(
                event=event, organization=organization, code=f"firm-{number}"
            )
        )
        people[organization.pk] = []
        for seat in range(2):
            user = users.objects.create_user(
                username=f"d{number}-{seat}", email=f"d{number}-{seat}@firm.example"
            )
            PersonalSettings.objects.create(
                user=user, language=LANGUAGES[(number + seat) % len(LANGUAGES)]
            )
            Delegate.objects.create(user=user, organization=organization)
            people[organization.pk].append(user)

    randomly = random.Random(15)
    start = timezone.now() - timedelta(hours=1)
    send_s = []
    for number in range(messages):
        side, partner = randomly.sample(sides, 2)
        author = people[side.organization_id][number % 2]
        began = time.perf_counter()
        send_message(
            side=side,
            partner=partner,
            author=author,
            text=f"Message {number}: shall we meet about batteries?",
            now=start + timedelta(seconds=number),
        )
        send_s.append(time.perf_counter() - began)
    now = timezone.now() + DIGEST_INTERVAL

    rows = list(Message.objects.select_related("conversation", "side__organization"))
    drafts = []
    for message in rows:
        conversation = message.conversation
        reader = (
            conversation.second if message.side_id == conversation.first_id else conversation.first
        )
        for user in people[reader.organization_id]:
            drafts.append(
                Draft(
                    address=user.email,
                    language=user.portal_settings.language,
                    kind=Mail.Kind.MESSAGES,
                    subject=stored_text.gettext("New messages at %(event)s", event=event.name),
                    body=stored_text.gettext(
                        "%(organization)s (%(author)s), %(moment)s: %(text)s",
                        organization=message.side.organization.name,
                        author="—",
                        moment=stored_text.moment(message.sent_at),
                        text=message.text,
                    ),
                    event=event,
                    user=user,
                )
            )

    digest_s, base_s, counts_s = [], [], []
    digests = per_message = 0
    busiest_id = Counter(
        side_id
        for pair in rows
        for side_id in (pair.conversation.first_id, pair.conversation.second_id)
    ).most_common(1)[0][0]
    busiest = next(side for side in sides if side.pk == busiest_id)
    reader = people[busiest.organization_id][0]
    for _ in range(repeat):
        Mail.objects.all().delete()
        DigestMark.objects.all().delete()
        began = time.perf_counter()
        digests = send_digests(now=now)
        digest_s.append(time.perf_counter() - began)
        Mail.objects.all().delete()
        began = time.perf_counter()
        per_message = len(queue_mails(drafts))
        base_s.append(time.perf_counter() - began)
        began = time.perf_counter()
        threads = list(conversations_of(reader, busiest))
        unread = unread_total(reader, busiest)
        counts_s.append(time.perf_counter() - began)

    send_ms = [seconds * 1000 for seconds in send_s]
    print(f"{orgs} organizations, {2 * orgs} delegates, {messages} messages, {repeat} repeats")
    print(
        f"send_message: median {statistics.median(send_ms):.1f} ms, "
        f"95th percentile {statistics.quantiles(send_ms, n=20)[-1]:.1f} ms"
    )
    digest, base = statistics.median(digest_s), statistics.median(base_s)
    print(
        f"send_digests: {digests} mails in {digest:.2f} s; baseline, a mail per message: "
        f"{per_message} mails in {base:.2f} s; mails {per_message / digests:.1f} times fewer, "
        f"time ratio {digest / base:.2f}"
    )
    print(
        f"unread counts of the busiest organization ({len(threads)} conversations, "
        f"{unread} unread): {statistics.median(counts_s) * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=200)
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["MATCHFAIR_HOME"] = home
        run(arguments.orgs, arguments.messages, arguments.repeat)


if __name__ == "__main__":
    main()
