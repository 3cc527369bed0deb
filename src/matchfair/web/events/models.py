"""Event series, their editions, the meeting sessions and the agenda items beside them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from matchfair.web.events.colours import DEFAULT_ACCENT, validate_accent


class Series(models.Model):
    """A recurring event ("EU-China Business and Technology Cooperation Fair"): its figures add up."""

    name = models.CharField(_("name"), max_length=300, unique=True)

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    """One edition of an event; ``code`` is its id in the event file and its slug.

    The slug is unique so that the command line can name the event by it
    (``events.domain.slugs``).
    """

    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editions",
    )
    code = models.SlugField(_("event id"), max_length=200, unique=True)
    name = models.CharField(_("name"), max_length=300)
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC")
    tables = models.PositiveIntegerField(
        _("tables"), null=True, blank=True, help_text=_("Empty means unlimited.")
    )
    online_rooms = models.PositiveIntegerField(
        _("online rooms"), null=True, blank=True, help_text=_("Empty means unlimited.")
    )
    match_across_groups = models.BooleanField(
        _("match across groups only"),
        default=False,
        help_text=_("Recommend partners only from another group (a bilateral event)."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[validate_accent],
        help_text=_("The colour of the header and button in the event's e-mails."),
    )
    schedule_published_at = models.DateTimeField(_("schedule published"), null=True, blank=True)
    organizers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organizers"),
        related_name="organized_events",
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event")
        ordering = (
            "-created_at",
            "-id",
        )

    def __str__(self) -> str:
        return self.name


class Session(models.Model):
    """A block of one-on-one meetings, cut into slots of ``slot_minutes``."""

    class Mode(models.TextChoices):
        ONSITE = "onsite", _("on site")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("hybrid")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    code = models.SlugField(_("session id"), max_length=200)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    slot_minutes = models.PositiveIntegerField(_("slot length (minutes)"), default=20)
    gap_minutes = models.PositiveIntegerField(_("gap between slots (minutes)"), default=0)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.HYBRID)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("session")
        ordering = (
            "position",
            "id",
        )
        constraints = (
            models.UniqueConstraint(fields=["event", "code"], name="session_code_unique_in_event"),
        )

    def __str__(self) -> str:
        return self.code


class AgendaItem(models.Model):
    """Programme beside the meetings: talks, roadshows, site visits, signing ceremonies."""

    class Kind(models.TextChoices):
        TALK = "talk", _("industry promotion talk")
        ROADSHOW = "roadshow", _("enterprise roadshow")
        SITE_VISIT = "site-visit", _("site visit")
        SIGNING = "signing", _("signing ceremony")
        OTHER = "other", _("other")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda_items")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TALK)
    title = models.CharField(_("title"), max_length=300)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty means no sign-up limit.")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("agenda item")
        ordering = (
            "start",
            "id",
        )

    def __str__(self) -> str:
        return self.title


class SignUp(models.Model):
    """A participating organization signed up for an agenda item."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="signups")
    participation = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="signups"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["item", "participation"], name="one_signup_per_item"),
        )


class Interpreter(models.Model):
    """An interpreter the scheduler may assign to meetings between sides with no common language."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="interpreters")
    code = models.SlugField(_("interpreter id"), max_length=200)
    languages = models.JSONField(_("languages"), default=list)
    availability = models.JSONField(
        _("availability"), null=True, blank=True, help_text=_("Empty means every session.")
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("interpreter")
        ordering = (
            "position",
            "id",
        )
        constraints = (
            models.UniqueConstraint(fields=["event", "code"], name="interpreter_code_unique"),
        )

    def __str__(self) -> str:
        return self.code
