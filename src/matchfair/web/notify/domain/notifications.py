"""Telling the people of an organization: a notification in their portal inbox and an email.

The notification keeps its message (``matchfair.web.stored_text``), not a text: the
inbox writes it in the language of the page it is read on, and the e-mail leaves in
the language the recipient chose (``language_of``) and in their own time zone
(``personal.zone_of``), whatever the language of the person whose change it reports.
The e-mail goes through the outbox (``matchfair.web.outbox``): queued in this
transaction, sent by the worker, skipped for a person who muted its ``kind``.
"""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone, translation

from matchfair.web import stored_text
from matchfair.web.directory.models import Participation
from matchfair.web.notify.domain.personal import zone_of
from matchfair.web.notify.models import Notification, PersonalSettings
from matchfair.web.outbox.domain.checks import MailRefusedError, one_line_values
from matchfair.web.outbox.domain.queueing import Draft, queue_mail

logger = logging.getLogger(__name__)


def people_of(participation: Participation) -> list[AbstractBaseUser]:
    """The active accounts of the organization's delegates."""
    return list(
        get_user_model().objects.filter(
            delegate__organization_id=participation.organization_id, is_active=True
        )
    )


def language_of(user: AbstractBaseUser) -> str:
    """The language ``user`` chose for what is sent to them (the current one until they do)."""
    found = PersonalSettings.objects.filter(user=user).values_list("language", flat=True).first()
    return found or translation.get_language() or "en"


def notify(
    participation: Participation,
    message: stored_text.Stored,
    *,
    subject: stored_text.Stored,
    kind: str,
    link: str = "",
    site_url: str = "",
) -> list[Notification]:
    """Notify every delegate of ``participation``: ``message`` in the inbox, both by e-mail.

    Both are ``stored_text`` messages, written for each person in their language and
    time zone; the e-mails (of ``kind``, an ``outbox.models.Mail.Kind``) leave only once
    the change they report is committed. An account whose stored address the outbox
    refuses still gets the inbox notification: the change it reports stands.
    """
    notifications = []
    for user in people_of(participation):
        zone = zone_of(user, participation=participation)
        language = language_of(user)
        with translation.override(language), timezone.override(zone):
            body = stored_text.render(message)
        notifications.append(
            Notification.objects.create(
                user=user, event_id=participation.event_id, text=body, message=message, link=link
            )
        )
        if not user.email:
            continue
        try:
            queue_mail(
                Draft(
                    address=user.email,
                    name=user.get_full_name(),
                    language=language,
                    time_zone=zone,
                    kind=kind,
                    subject=one_line_values(subject),
                    body=message,
                    link=link,
                    site_url=site_url,
                    event=participation.event,
                    user=user,
                )
            )
        except MailRefusedError as error:
            logger.warning("no e-mail to user %s: %s", user.pk, error)
    return notifications
