"""Conversations between two organizations of one event, their messages, reads and reports.

A conversation joins two participations of the same event (``first`` has the lower
id, so a pair has one row); a message belongs to it and so never leaves the event.
An organization taking part in two events has two conversations with a partner.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MessagingRules(models.Model):
    """Whether the participants of an event may write to each other (on unless switched off)."""

    event = models.OneToOneField("events.Event", on_delete=models.CASCADE, related_name="messaging")
    enabled = models.BooleanField(_("participants may write to each other"), default=True)

    class Meta:
        verbose_name = _("messaging rules")
        verbose_name_plural = _("messaging rules")


class Conversation(models.Model):
    """The thread of two organizations in one event."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="+")
    first = models.ForeignKey("directory.Participation", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["first", "second"], name="talk_pair_once"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="talk_pair_ordered"
            ),
        )


class Message(models.Model):
    """What one delegate wrote for their organization; ``hidden_at``: the organizer hid it."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    side = models.ForeignKey("directory.Participation", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("message"))
    sent_at = models.DateTimeField(default=timezone.now)
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("sent_at", "id")
        indexes = (
            models.Index(fields=["conversation", "id"], name="talk_message_thread"),
            models.Index(fields=["author", "sent_at"], name="talk_message_rate"),
        )


class ReadMark(models.Model):
    """The last message of a conversation one delegate has read (by id)."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_read = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["conversation", "user"], name="talk_read_once"),
        )


class DigestMark(models.Model):
    """The last e-mail digest of an event's messages sent to one person, and its last message."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_message = models.PositiveBigIntegerField(default=0)
    sent_at = models.DateTimeField()

    class Meta:
        constraints = (models.UniqueConstraint(fields=["event", "user"], name="talk_digest_once"),)


class Report(models.Model):
    """A participant's report of a message to the organizer, and the organizer's decision."""

    class Decision(models.TextChoices):
        OPEN = "open", _("to decide")
        HIDDEN = "hidden", _("hidden")
        KEPT = "kept", _("kept")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"))
    reported_at = models.DateTimeField(default=timezone.now)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.OPEN
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reported message")
        ordering = ("-reported_at", "-id")
