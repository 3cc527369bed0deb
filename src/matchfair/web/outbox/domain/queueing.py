"""Writing mails into the outbox: what every sender calls, inside its own transaction.

A web request never talks to the SMTP server: it writes rows here, in the
transaction of the change they report, and the worker is woken once that
transaction commits (a rolled-back change sends nothing). Each mail is checked in
the language it will be written in (``checks``) before anything is written; a
recipient who muted the kind gets no row. Campaigns and reminders queue many mails
at once through ``queue_mails``: one check pass, one insert, one wake-up.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone, translation

from matchfair.web import stored_text
from matchfair.web.events.models import Event
from matchfair.web.outbox.domain.checks import check_address, check_body, check_one_line
from matchfair.web.outbox.models import Mail, MutedKind
from matchfair.web.outbox.rendering import body_text
from matchfair.web.outbox.wake import wake_on_commit


@dataclass(frozen=True)
class Attachment:
    """A text file sent with a mail (a calendar), kept on the row as it was when queued."""

    filename: str
    mimetype: str
    content: str

    def as_json(self) -> dict[str, str]:
        return {"filename": self.filename, "mimetype": self.mimetype, "content": self.content}


@dataclass(frozen=True)
class Draft:
    """One mail to queue: its subject and body are ``stored_text`` messages.

    A body of several messages is written as paragraphs; a plain string (a campaign's
    text, typed by the organizer in one language) is sent as it is. ``link`` (a path on
    ``site_url`` or a full address) is what the mail is about; ``time_zone`` the zone
    its times are written in (the site's when empty).
    """

    address: str
    language: str
    kind: str
    subject: stored_text.Stored | str
    body: stored_text.Stored | str | list[stored_text.Stored]
    name: str = ""
    time_zone: str = ""
    link: str = ""
    site_url: str = ""
    event: Event | None = None
    user: AbstractBaseUser | None = None
    attachments: tuple[Attachment, ...] = ()


def check_draft(draft: Draft) -> None:
    """Refuse (``MailRefusedError``) what could not leave intact, written as its reader reads it."""
    check_address(draft.address)
    check_one_line(draft.name, "name")
    for attachment in draft.attachments:
        check_one_line(attachment.filename, "attachment")
        check_one_line(attachment.mimetype, "attachment")
    with translation.override(draft.language):
        check_one_line(stored_text.render(draft.subject), "subject")
        attached = "".join(attachment.content for attachment in draft.attachments)
        check_body(body_text(draft.body) + draft.link + attached)


def _muted(drafts: list[Draft]) -> set[tuple[int, str]]:
    users = {draft.user.pk for draft in drafts if draft.user is not None}
    if not users:
        return set()
    return set(MutedKind.objects.filter(user_id__in=users).values_list("user_id", "kind"))


def queue_mails(drafts: Iterable[Draft]) -> list[Mail]:
    """Queue every draft nobody muted; all or none (a refused draft queues nothing).

    Returns the queued rows; the worker delivers them once the caller's transaction
    commits.
    """
    drafts = list(drafts)
    for draft in drafts:
        check_draft(draft)
    muted = _muted(drafts)
    now = timezone.now()
    rows = [
        Mail(
            event=draft.event,
            user=draft.user,
            address=draft.address.strip(),
            name=draft.name,
            language=draft.language,
            time_zone=draft.time_zone,
            kind=draft.kind,
            subject=draft.subject,
            body=draft.body,
            link=draft.link,
            attachments=[attachment.as_json() for attachment in draft.attachments],
            # A mail read in a mail program needs full links: the site's address when the
            # sender (a worker, a command) knows no request's.
            site_url=(draft.site_url or settings.MATCHFAIR_SITE_URL).rstrip("/"),
            created_at=now,
            next_attempt_at=now,
        )
        for draft in drafts
        if draft.user is None or (draft.user.pk, draft.kind) not in muted
    ]
    if not rows:
        return []
    with transaction.atomic():
        created = Mail.objects.bulk_create(rows, batch_size=500)
        wake_on_commit()
    return created


def queue_mail(draft: Draft) -> Mail | None:
    """Queue one mail; None when its recipient muted its kind."""
    queued = queue_mails([draft])
    return queued[0] if queued else None
