"""Campaigns: a message the organizer writes once per language and sends to a segment.

The organizer writes a subject and a body in each language they want; each recipient
gets the one in their language (``PersonalSettings.language``), else the first one
written. Nothing is sent before the organizer has seen the count and the texts
(``preview_campaign``); ``send_campaign`` then queues one outbox row per recipient in
one transaction (a refused text queues nothing), skips those who muted campaigns and
keeps a ``Campaign`` row of what was sent, to how many and when.
"""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.events.models import Event
from matchfair.web.notify.domain.portal_rules import PortalRuleError
from matchfair.web.notify.models import Campaign, PersonalSettings
from matchfair.web.notify.segments import Segment, segment_recipients
from matchfair.web.outbox.domain.checks import MailRefusedError, check_body, check_one_line
from matchfair.web.outbox.domain.queueing import Draft, queue_mails
from matchfair.web.outbox.models import Mail

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


@dataclass(frozen=True)
class CampaignText:
    """The subject and body written for readers of ``language``."""

    language: str
    subject: str
    body: str


@dataclass(frozen=True)
class CampaignPreview:
    """What the organizer sees before sending: how many get which language."""

    recipients: int
    texts: list[CampaignText]
    per_language: dict[str, int]

    @property
    def rows(self) -> list[tuple[CampaignText, int]]:
        """Each text with the number of people who will read it."""
        return [(text, self.per_language[text.language]) for text in self.texts]


def check_texts(texts: list[CampaignText]) -> None:
    """Refuse (``PortalRuleError`` naming ``subject_<lang>``/``body_<lang>``) what cannot leave."""
    if not texts:
        raise PortalRuleError(_("Write the message in at least one language."), "languages")
    seen: set[str] = set()
    for text in texts:
        if text.language not in LANGUAGES:
            raise PortalRuleError(
                _("%(language)s is not a language of this site.") % {"language": text.language},
                "languages",
            )
        if text.language in seen:
            raise PortalRuleError(
                _("The message is written twice in %(language)s.") % {"language": text.language},
                "languages",
            )
        seen.add(text.language)
        if not text.subject.strip():
            raise PortalRuleError(
                _("Write the subject in this language."), f"subject_{text.language}"
            )
        if not text.body.strip():
            raise PortalRuleError(_("Write the text in this language."), f"body_{text.language}")
        try:
            check_one_line(text.subject, "subject")
            check_body(text.body)
        except MailRefusedError as error:
            raise PortalRuleError(str(error), f"{error.field}_{text.language}") from None


def _languages(users: list[AbstractBaseUser]) -> dict[int, str]:
    return dict(
        PersonalSettings.objects.filter(user__in=[user.pk for user in users]).values_list(
            "user_id", "language"
        )
    )


def text_for(language: str, texts: list[CampaignText]) -> CampaignText:
    """The text a reader of ``language`` gets: theirs, else the first one written."""
    return next((text for text in texts if text.language == language), texts[0])


def preview_campaign(
    *, event: Event, segment: Segment, texts: list[CampaignText]
) -> CampaignPreview:
    """The checked texts and the recipients' count per language, without sending anything."""
    check_texts(texts)
    users = list(segment_recipients(event, segment))
    chosen = _languages(users)
    per_language = Counter(text_for(chosen.get(user.pk, ""), texts).language for user in users)
    return CampaignPreview(
        recipients=len(users),
        texts=texts,
        per_language={text.language: per_language.get(text.language, 0) for text in texts},
    )


def send_campaign(
    *,
    event: Event,
    by: AbstractBaseUser,
    segment: Segment,
    texts: list[CampaignText],
    site_url: str = "",
) -> Campaign:
    """Queue the campaign to every recipient of ``segment``, all in one transaction."""
    check_texts(texts)
    with transaction.atomic():
        users = list(segment_recipients(event, segment))
        chosen = _languages(users)
        link = reverse("portal:my_events")
        drafts = []
        for user in users:
            text = text_for(chosen.get(user.pk, ""), texts)
            drafts.append(
                Draft(
                    address=user.email,
                    name=user.get_full_name(),
                    language=text.language,
                    kind=Mail.Kind.CAMPAIGN,
                    subject=text.subject.strip(),
                    body=text.body.strip(),
                    link=link,
                    site_url=site_url,
                    event=event,
                    user=user,
                )
            )
        try:
            queued = queue_mails(drafts)
        except MailRefusedError as error:
            # A stored address or name the outbox refuses: name whose, queue nothing.
            raise PortalRuleError(str(error), error.field) from None
        campaign = Campaign.objects.create(
            event=event,
            kind=Campaign.Kind.MESSAGE,
            texts={text.language: {"subject": text.subject, "body": text.body} for text in texts},
            segment=segment.as_json(),
            recipients=len(queued),
            sent_by=by,
        )
        record(
            event,
            "campaign.sent",
            campaign,
            stored_text.ngettext(
                "Campaign “%(subject)s” sent to %(count)d person",
                "Campaign “%(subject)s” sent to %(count)d people",
                len(queued),
                subject=texts[0].subject,
            ),
        )
    return campaign
