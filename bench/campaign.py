"""A campaign to 5,000 recipients in 4 languages, queued through the campaign path.

Target of #15: queued in under 10 s. On a fresh SQLite database in a temporary
MATCHFAIR_HOME, an event of 5,000 organizations with one delegate each (their
languages spread over en, de, fr, zh-hans) gets a campaign written in the 4
languages through ``notify.domain.campaigns.send_campaign`` (the segment's query, each
reader's language, the outbox's checks, one insert, the campaign row and its audit
entry), against a baseline in the same run: ``queue_mails`` of the same 5,000 drafts
built beforehand (the outbox alone, no segment and no language lookup).

    python bench/campaign.py
    python bench/campaign.py --recipients 1000 --repeat 3
"""

import argparse
import os
import statistics
import tempfile
import time

LANGUAGES = ("en", "de", "fr", "zh-hans")


def run(recipients: int, repeat: int) -> None:
    from matchfair.web.boot import start_django

    start_django(keep_secret_key=True)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db.models import Count

    from matchfair.web.directory.models import Delegate, Organization, Participation
    from matchfair.web.events.models import Event
    from matchfair.web.notify.domain.campaigns import CampaignText, send_campaign, text_for
    from matchfair.web.notify.models import Campaign, PersonalSettings
    from matchfair.web.notify.segments import Segment
    from matchfair.web.outbox.domain.queueing import Draft, queue_mails
    from matchfair.web.outbox.models import Mail

    call_command("migrate", verbosity=0)
    settings.MATCHFAIR_MAIL_TASK_BACKEND = "default"
    users = get_user_model()
    organizer = users.objects.create_user(username="organizer", email="orga@fair.example")
    event = Event.objects.create(code="bench-fair", name="EU-China Cooperation Fair 2026")
    organizations = Organization.objects.bulk_create(
        [
            Organization(name=f"Organization {n}", country="CN").with_keys()
            for n in range(recipients)
        ]
    )
    Participation.objects.bulk_create(
        [
            Participation(event=event, organization=organization, code=f"org-{n}", position=n)
            for n, organization in enumerate(organizations)
        ]
    )
    people = users.objects.bulk_create(
        [
            users(username=f"delegate{n}", email=f"delegate{n}@example.org", password="!")
            for n in range(recipients)
        ]
    )
    Delegate.objects.bulk_create(
        [
            Delegate(user=user, organization=org)
            for user, org in zip(people, organizations, strict=True)
        ]
    )
    PersonalSettings.objects.bulk_create(
        [
            PersonalSettings(user=user, language=LANGUAGES[n % len(LANGUAGES)])
            for n, user in enumerate(people)
        ]
    )
    texts = [
        CampaignText(language, f"Publish your needs ({language})", "Please publish them.\n" * 20)
        for language in LANGUAGES
    ]
    drafts = [
        Draft(
            address=user.email,
            name="",
            language=text_for(LANGUAGES[n % len(LANGUAGES)], texts).language,
            kind=Mail.Kind.CAMPAIGN,
            subject=texts[n % len(LANGUAGES)].subject,
            body=texts[n % len(LANGUAGES)].body,
            link="/my/",
            site_url="https://fair.example",
            event=event,
            user=user,
        )
        for n, user in enumerate(people)
    ]
    campaign_s, base_s = [], []
    for _ in range(repeat):
        Mail.objects.all().delete()
        started = time.perf_counter()
        queue_mails(drafts)
        base_s.append(time.perf_counter() - started)
        Mail.objects.all().delete()
        started = time.perf_counter()
        campaign = send_campaign(
            event=event,
            by=organizer,
            segment=Segment(),
            texts=texts,
            site_url="https://fair.example",
        )
        campaign_s.append(time.perf_counter() - started)
        assert campaign.recipients == recipients, campaign.recipients
        by_language = dict(
            Mail.objects.values_list("language").annotate(count=Count("id")).order_by()
        )
        assert by_language == {language: recipients // len(LANGUAGES) for language in LANGUAGES}
    Campaign.objects.all().delete()
    for number, (sent, base) in enumerate(zip(campaign_s, base_s, strict=True), 1):
        print(f"repeat {number}: send_campaign {sent:.2f} s, queue_mails {base:.2f} s")
    sent, base = statistics.median(campaign_s), statistics.median(base_s)
    print(f"{recipients} recipients in {len(LANGUAGES)} languages, {repeat} repeats (medians)")
    print(
        f"send_campaign: {sent:.2f} s; baseline queue_mails: {base:.2f} s; ratio {sent / base:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["MATCHFAIR_HOME"] = home
        run(arguments.recipients, arguments.repeat)


if __name__ == "__main__":
    main()
