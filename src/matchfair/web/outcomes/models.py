"""What came of the event: meeting outcomes with feedback, and agreements."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingOutcome(models.Model):
    class Status(models.TextChoices):
        HELD = "held", _("held")
        NO_SHOW = "no-show", _("no-show")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="meeting_outcomes"
    )
    a = models.ForeignKey("directory.Participation", on_delete=models.CASCADE, related_name="+")
    b = models.ForeignKey("directory.Participation", on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField(_("start"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = (
            "position",
            "id",
        )


class Feedback(models.Model):
    class Result(models.TextChoices):
        NO_FIT = "no-fit", _("no fit")
        FOLLOW_UP = "follow-up", _("follow-up")
        INTENTION = "intention", _("intention to cooperate")
        AGREEMENT = "agreement", _("agreement")

    outcome = models.ForeignKey(MeetingOutcome, on_delete=models.CASCADE, related_name="feedback")
    by = models.ForeignKey("directory.Participation", on_delete=models.CASCADE, related_name="+")
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)
    note = models.TextField(_("note"), blank=True, null=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = (
            "position",
            "id",
        )


class Agreement(models.Model):
    class Type(models.TextChoices):
        TECHNOLOGY_TRANSFER = "technology-transfer", _("technology transfer")
        JOINT_RESEARCH = "joint-research", _("joint research")
        INVESTMENT = "investment", _("investment")
        JOINT_VENTURE = "joint-venture", _("joint venture")
        COMMERCIAL = "commercial", _("commercial")
        STRATEGIC = "strategic", _("strategic")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        INTENTION = "intention", _("intention")
        SIGNED = "signed", _("signed")
        IMPLEMENTED = "implemented", _("implemented")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="agreements")
    code = models.SlugField(_("agreement id"), max_length=200)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    title = models.CharField(_("title"), max_length=500)
    amount = models.DecimalField(_("value"), max_digits=24, decimal_places=6, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = (
            "position",
            "id",
        )


class AgreementParty(models.Model):
    """A party of an agreement, in the order the agreement lists them."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    participation = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = (
            "position",
            "id",
        )
