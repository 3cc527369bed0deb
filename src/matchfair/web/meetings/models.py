"""Meeting requests, the scheduled meetings, the meetings a run could not place, recommendations."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingRequest(models.Model):
    """One side asking to meet another, or a tailor-made meeting set up by the organizer."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="requests")
    requester = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="requests_made"
    )
    recipient = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="requests_received"
    )
    weight = models.PositiveIntegerField(_("weight"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACCEPTED
    )
    mandatory = models.BooleanField(
        _("tailor-made (mandatory)"),
        default=False,
        help_text=_("Set up by the organizer; scheduled before any other meeting."),
    )
    sessions = models.JSONField(
        _("sessions"), null=True, blank=True, help_text=_("Session ids; empty means any.")
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("meeting request")
        ordering = (
            "position",
            "id",
        )

    def __str__(self) -> str:
        return f"{self.requester} → {self.recipient}"


class Meeting(models.Model):
    """A meeting placed in a slot: a draft from the last scheduler run, or published."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="meetings")
    a = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="meetings_as_a"
    )
    b = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="meetings_as_b"
    )
    session = models.ForeignKey("events.Session", on_delete=models.CASCADE, related_name="meetings")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    location = models.CharField(_("location"), max_length=200, blank=True, null=True)
    online = models.BooleanField(_("online"), default=False)
    interpreter = models.ForeignKey(
        "events.Interpreter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    published = models.BooleanField(_("published"), default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("meeting")
        ordering = (
            "start",
            "position",
            "id",
        )
        indexes = (models.Index(fields=["event", "start"]),)

    def __str__(self) -> str:
        return f"{self.a} – {self.b}"


class UnscheduledMeeting(models.Model):
    """An accepted request the last scheduler run could not place, and why."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="unscheduled_meetings"
    )
    a = models.ForeignKey("directory.Participation", on_delete=models.CASCADE, related_name="+")
    b = models.ForeignKey("directory.Participation", on_delete=models.CASCADE, related_name="+")
    # The reason as written when stored (rows before #13 have only this); ``message``
    # is the engine's message, written in each reader's language (``stored_text``).
    reason = models.TextField(_("reason"))
    message = models.JSONField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = (
            "position",
            "id",
        )

    @property
    def stored_reason(self) -> dict | str:
        """The reason to write in the reader's language: the message, else the old text."""
        return self.message or self.reason


class Recommendation(models.Model):
    """A suggested partner for an organization, from the last recommendations run."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="recommendations"
    )
    participation = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="recommendations"
    )
    partner = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list)
    rank = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = (
            "participation",
            "rank",
        )
