"""What came of the event: meeting outcomes with feedback, and agreements."""

from django.conf import settings
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


class FeedbackRecord(models.Model):
    """Who entered a side's feedback and when: the side itself, by portal or e-mail link, or the organizer."""

    feedback = models.OneToOneField(Feedback, on_delete=models.CASCADE, related_name="record")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_organizer = models.BooleanField(_("recorded by the organizer"), default=False)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)


class AgreementSource(models.Model):
    """A meeting an agreement came from (it may come from meetings of several editions)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="sources")
    outcome = models.ForeignKey(MeetingOutcome, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["agreement", "outcome"], name="agreement_source_once"),
        )


class PartyConfirmation(models.Model):
    """A party's confirmation of an agreement signed online; it is signed when every party confirmed."""

    party = models.OneToOneField(
        AgreementParty, on_delete=models.CASCADE, related_name="confirmation"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)


class ExchangeRateTable(models.Model):
    """An organizer's exchange rates to one base currency, for a series or one event.

    The event's own table is used when it has one, else its series' table, so that the
    figures of all editions of a series add up at the same rates when the organizer wants.
    """

    series = models.OneToOneField(
        "events.Series", null=True, blank=True, on_delete=models.CASCADE, related_name="rates"
    )
    event = models.OneToOneField(
        "events.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="rates"
    )
    base = models.CharField(_("base currency"), max_length=3)
    date = models.DateField(_("rates of"), null=True, blank=True)

    class Meta:
        verbose_name = _("exchange-rate table")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(series__isnull=False) ^ models.Q(event__isnull=False),
                name="rate_table_for_a_series_or_an_event",
            ),
        )


class ExchangeRate(models.Model):
    """One unit of ``currency`` is worth ``rate`` units of the table's base currency."""

    table = models.ForeignKey(ExchangeRateTable, on_delete=models.CASCADE, related_name="rates")
    currency = models.CharField(_("currency"), max_length=3)
    rate = models.DecimalField(_("rate"), max_digits=20, decimal_places=8)

    class Meta:
        ordering = ("currency",)
        constraints = (
            models.UniqueConstraint(fields=["table", "currency"], name="one_rate_per_currency"),
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="rate_positive"),
        )


class CooperationProject(models.Model):
    """A project a host city or district publishes at an event to find partners or investors."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="cooperation_projects"
    )
    host = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="hosted_projects"
    )
    # The project's id in the event file; empty for a project made on the site.
    code = models.CharField(_("project id"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=500)
    sector = models.CharField(_("sector"), max_length=200)
    location = models.CharField(_("location"), max_length=300)
    planned_investment = models.DecimalField(
        _("planned investment"), max_digits=24, decimal_places=6, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    contact = models.CharField(_("contact"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cooperation project")
        ordering = (
            "title",
            "id",
        )

    def __str__(self) -> str:
        return self.title


class ExpressionOfInterest(models.Model):
    """A participant's interest in a project, which becomes a meeting request to the host."""

    project = models.ForeignKey(
        CooperationProject, on_delete=models.CASCADE, related_name="interests"
    )
    participation = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="interests"
    )
    message = models.TextField(_("message"), blank=True)
    request = models.ForeignKey(
        "meetings.MeetingRequest", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["project", "participation"], name="one_interest_per_project"
            ),
        )
