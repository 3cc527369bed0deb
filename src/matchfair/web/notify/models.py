"""What the portal adds to the event domain: the organizer's portal rules, people's settings,
notes on meeting requests, in-portal notifications and the last agenda each organization was told.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    """An unguessable URL token (invitation links, calendar subscriptions)."""
    return secrets.token_urlsafe(24)


class PortalRules(models.Model):
    """How participants join an event and what they may do before it, set by its organizer."""

    class Registration(models.TextChoices):
        INVITATION = "invitation", _("by invitation link only")
        OPEN = "open", _("open to everyone")

    event = models.OneToOneField(
        "events.Event", on_delete=models.CASCADE, related_name="portal_rules"
    )
    registration = models.CharField(
        _("registration"),
        max_length=12,
        choices=Registration.choices,
        default=Registration.INVITATION,
    )
    invitation_token = models.CharField(max_length=64, unique=True, default=new_token)
    profile_deadline = models.DateTimeField(
        _("profile deadline"),
        null=True,
        blank=True,
        help_text=_("Profiles and opportunities can be edited until then. Empty: no deadline."),
    )
    request_deadline = models.DateTimeField(
        _("meeting request deadline"),
        null=True,
        blank=True,
        help_text=_("Requests can be sent and answered until then. Empty: no deadline."),
    )
    request_quota = models.PositiveIntegerField(
        _("requests per participant"),
        null=True,
        blank=True,
        default=20,
        help_text=_("How many meeting requests one organization may send. Empty: no limit."),
    )

    class Meta:
        verbose_name = _("portal rules")
        verbose_name_plural = _("portal rules")


class PersonalSettings(models.Model):
    """One person's time zone, language of notifications and private calendar link.

    An empty ``timezone`` means the person has not chosen one: they see their event's
    clock (``notify.domain.personal.zone_of``), which follows the event if it moves.
    ``zone_asked``: an online participant was offered their browser's zone and answered
    (took it or kept the event's), so the portal never asks again. ``language_known``:
    the language was chosen (sign-up, Settings, the language menu) or taken from the
    browser at the first sign-in; until then e-mails use the site's default language.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portal_settings"
    )
    timezone = models.CharField(_("time zone"), max_length=64, blank=True, default="")
    zone_asked = models.BooleanField(_("asked for the browser's time zone"), default=False)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    language_known = models.BooleanField(
        _("language chosen or taken from the browser"), default=False
    )
    calendar_token = models.CharField(max_length=64, unique=True, default=new_token)
    meeting_soon = models.BooleanField(
        _("e-mail me shortly before each of my meetings"),
        default=False,
        help_text=_("When the organizers have this reminder on (15 minutes before, usually)."),
    )

    class Meta:
        verbose_name = _("personal settings")
        verbose_name_plural = _("personal settings")


class RequestNote(models.Model):
    """The short message a participant sent with a meeting request, and who sent it."""

    request = models.OneToOneField(
        "meetings.MeetingRequest", on_delete=models.CASCADE, related_name="note"
    )
    message = models.TextField(_("message"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)


class Notification(models.Model):
    """A message in a person's portal inbox (also sent by email).

    ``message`` is the catalog message and its values (``matchfair.web.stored_text``),
    written in the reader's language whenever the inbox is read; ``text`` is what the
    recipient's language made of it when sent, and the whole notification of rows
    stored before messages were (their only text).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("text"))
    message = models.JSONField(null=True, blank=True)
    link = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=["user", "read_at"]),)

    @property
    def stored_text(self) -> dict | str:
        """What to write in the reader's language: the message, else the old row's text."""
        return self.message or self.text


class AgendaDigest(models.Model):
    """The published agenda an organization was last told about, to notify only real changes."""

    participation = models.OneToOneField(
        "directory.Participation", on_delete=models.CASCADE, related_name="agenda_digest"
    )
    fingerprint = models.CharField(max_length=64)
    notified_at = models.DateTimeField(auto_now=True)


class Campaign(models.Model):
    """A message the organizer sent to a segment of the event, kept as it was sent.

    ``texts`` maps a language code to ``{"subject": ..., "body": ...}`` in the order the
    organizer wrote them (the first is the fallback for readers of another language);
    ``segment`` is the filter's fields (``notify.segments.Segment``); ``recipients`` the
    number of e-mails queued (muted recipients are not counted).
    """

    class Kind(models.TextChoices):
        MESSAGE = "message", _("message to a segment")
        INVITATIONS = "invitations", _("invitations to contacts without a password")
        PREVIOUS_EDITION = "previous", _("invitations to an earlier edition's participants")

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="campaigns")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.MESSAGE)
    texts = models.JSONField(_("texts"), default=dict)
    segment = models.JSONField(_("segment"), default=dict)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("campaign")
        ordering = ("-sent_at", "-id")


def default_follow_up_months() -> list[int]:
    return [6, 12]


class ReminderSettings(models.Model):
    """Which scheduled reminders an event sends, and when (``notify.domain.reminders``)."""

    event = models.OneToOneField(
        "events.Event", on_delete=models.CASCADE, related_name="reminder_settings"
    )
    open_requests = models.BooleanField(_("remind of requests to answer"), default=True)
    open_requests_days = models.PositiveIntegerField(
        _("every how many days"),
        default=3,
        help_text=_("Until the request deadline, or the event's start without one."),
    )
    request_deadline = models.BooleanField(_("announce the request deadline"), default=True)
    request_deadline_hours = models.PositiveIntegerField(_("hours before the deadline"), default=48)
    agenda = models.BooleanField(_("send the agenda before the event"), default=True)
    agenda_hours = models.PositiveIntegerField(_("hours before the first session"), default=24)
    feedback = models.BooleanField(_("ask for feedback after the event"), default=True)
    feedback_hours = models.PositiveIntegerField(_("hours after the last session"), default=24)
    meeting_soon = models.BooleanField(
        _("remind of each meeting shortly before"),
        default=True,
        help_text=_("Only to the people who asked for it in their settings."),
    )
    meeting_soon_minutes = models.PositiveIntegerField(_("minutes before the meeting"), default=15)
    follow_up = models.BooleanField(_("ask how agreements moved on"), default=True)
    follow_up_months = models.JSONField(
        _("months after the event"),
        default=default_follow_up_months,
        help_text=_("When each side of an intention or agreement is asked again."),
    )

    class Meta:
        verbose_name = _("reminder settings")
        verbose_name_plural = _("reminder settings")


class SentReminder(models.Model):
    """A reminder queued once: its kind, whom it was for and which occurrence.

    The due-reminders task inserts this row before it queues the mails, in one
    transaction, so a second run (or a second worker) finds it and queues nothing.
    """

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    target = models.CharField(max_length=60)
    occurrence = models.CharField(max_length=40)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["event", "kind", "target", "occurrence"], name="reminder_once"
            ),
        )
