"""Telling the people of an organization: a notification in their portal inbox and an email.

Each person reads it in the language they chose and in their own time zone
(``personal.zone_of``), so the text is built per person.
"""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation

from matchfair.core.one_line import as_one_line
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
    found = PersonalSettings.objects.filter(user=user).values_list("language", flat=True).first()
    return found or translation.get_language() or "en"


def notify(
    participation: Participation,
    text: Callable[[], str],
    *,
    subject: Callable[[], str],
    link: str = "",
    site_url: str = "",
) -> list[Notification]:
    """Notify every delegate of ``participation``; ``text`` and ``subject`` are built per language.

    The emails leave only once the change they report is committed.
    """
    notifications = []
    for user in people_of(participation):
        zone = zone_of(user, participation=participation)
        with translation.override(language_of(user)), timezone.override(zone):
            body, title = text(), subject()
        notifications.append(
            Notification.objects.create(
                user=user, event_id=participation.event_id, text=body, link=link
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
