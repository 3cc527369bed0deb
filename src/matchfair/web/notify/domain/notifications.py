"""Telling the people of an organization: a notification in their portal inbox and an email.

The notification keeps its message (``matchfair.web.stored_text``), not a text: the
inbox writes it in the language of the page it is read on, and the e-mail leaves in
the language the recipient chose (``language_of``) and in their own time zone
(``personal.zone_of``), whatever the language of the person whose change it reports.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation

from matchfair.core.one_line import as_one_line
from matchfair.web import stored_text
from matchfair.web.directory.models import Participation
from matchfair.web.notify.domain.personal import zone_of
from matchfair.web.notify.models import Notification, PersonalSettings


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
    link: str = "",
    site_url: str = "",
) -> list[Notification]:
    """Notify every delegate of ``participation``: ``message`` in the inbox, both by e-mail.

    Both are ``stored_text`` messages, written for each person in their language and
    time zone; the emails leave only once the change they report is committed.
    """
    notifications = []
    for user in people_of(participation):
        zone = zone_of(user, participation=participation)
        with translation.override(language_of(user)), timezone.override(zone):
            body, title = stored_text.render(message), stored_text.render(subject)
        notifications.append(
            Notification.objects.create(
                user=user, event_id=participation.event_id, text=body, message=message, link=link
            )
        )
        if user.email:
            message = f"{body}\n\n{site_url.rstrip('/')}{link}\n" if link else f"{body}\n"
            transaction.on_commit(
                lambda title=title, message=message, to=user.email: send_mail(
                    subject=as_one_line(title),
                    message=message,
                    from_email=None,
                    recipient_list=[to],
                )
            )
    return notifications
