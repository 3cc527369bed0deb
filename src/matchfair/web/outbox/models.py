"""One row per e-mail, and the kinds of e-mail each person has muted.

A mail keeps its subject and body as stored messages (``matchfair.web.stored_text``:
the catalog message and its parameters), not as text: it is written in the
recipient's ``language`` when the worker sends it, so a correction of a catalog
reaches the mails still queued.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Mail(models.Model):
    """An e-mail to one address, from queued to sent or failed."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("invitations to an event")
        ROLE = "role", _("organizer and viewer access")
        REQUEST = "request", _("meeting requests and answers")
        AGENDA = "agenda", _("changes to your agenda")
        FEEDBACK = "feedback", _("questions about your meetings' outcomes")
        MESSAGES = "messages", _("digests of messages from other participants")
        CAMPAIGN = "campaign", _("messages from the organizers")
        REMINDER = "reminder", _("reminders of deadlines, requests and your agenda")

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, null=True, blank=True, related_name="mails"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mails",
    )
    address = models.EmailField(_("address"), max_length=254)
    name = models.CharField(_("name"), max_length=200, blank=True, default="")
    language = models.CharField(_("language"), max_length=10)
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True, default="")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    subject = models.JSONField(_("subject"))
    body = models.JSONField(_("body"))
    link = models.CharField(_("link"), max_length=1000, blank=True, default="")
    # Files sent with the mail, as they were when it was queued:
    # [{"filename", "mimetype", "content"}], text content only (an .ics).
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    site_url = models.CharField(max_length=300, blank=True, default="")
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=32, blank=True, default="")
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        indexes = (models.Index(fields=["state", "next_attempt_at"], name="outbox_due"),)

    def __str__(self) -> str:
        return f"{self.kind} to {self.address} ({self.state})"


MUTABLE_KINDS = (
    Mail.Kind.REQUEST,
    Mail.Kind.AGENDA,
    Mail.Kind.FEEDBACK,
    Mail.Kind.MESSAGES,
    Mail.Kind.CAMPAIGN,
    Mail.Kind.REMINDER,
)
"""What a person may mute; an invitation or an access grant carries the link to set a
password, and muting it would lock the person out."""


class MutedKind(models.Model):
    """A kind of e-mail a person does not want; their inbox still shows it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="muted_mail_kinds"
    )
    kind = models.CharField(max_length=20, choices=Mail.Kind.choices)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["user", "kind"], name="outbox_muted_once"),)
