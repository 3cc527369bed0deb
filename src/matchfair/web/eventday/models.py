"""What happens on the day: who came, who cancelled, who met where, who waits for a place.

The live schedule stays in ``meetings.Meeting``: a cancelled meeting or a no-show leaves
that table at once (its slot, table and interpreter are free again) and is kept as a
``outcomes.MeetingOutcome`` with its status, which is what the event file and reports
read. The rows here say who did what and why.
"""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class DayRules(models.Model):
    """The organizer's rules for the day of one event; an event without a row has the defaults."""

    event = models.OneToOneField("events.Event", on_delete=models.CASCADE, related_name="day_rules")
    cancel_cutoff_minutes = models.PositiveIntegerField(
        _("participants' cancellation cut-off (minutes before the meeting)"),
        default=120,
        help_text=_("Within this time before a meeting only the organizer can cancel it."),
    )
    no_show_grace_minutes = models.PositiveIntegerField(
        _("grace period before a no-show (minutes)"), default=10
    )
    spot_booking = models.BooleanField(
        _("participants may book meetings on the spot"),
        default=True,
        help_text=_("Two participants with a common free slot book a free table themselves."),
    )
    # The secret of the screens' link (``/screens/<token>/``); empty means no screen shows.
    screen_token = models.CharField(max_length=64, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("rules of the event day")


class Badge(models.Model):
    """One person's badge: a delegate with an account, or a name the organizer entered."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="badges")
    participation = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="badges"
    )
    delegate = models.ForeignKey(
        "directory.Delegate",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="badges",
    )
    name = models.CharField(_("name on the badge"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("badge")
        ordering = ("participation", "name", "id")
        constraints = (
            models.UniqueConstraint(
                fields=["participation", "delegate"],
                condition=models.Q(delegate__isnull=False),
                name="one_badge_per_delegate",
            ),
        )

    def __str__(self) -> str:
        return self.name


class CheckIn(models.Model):
    """A badge checked in at the entrance; one row per badge, so a second scan changes nothing."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="check_ins")
    badge = models.OneToOneField(Badge, on_delete=models.CASCADE, related_name="check_in")
    at = models.DateTimeField(_("checked in at"))
    desk = models.CharField(_("desk"), max_length=100, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("check-in")
        indexes = (models.Index(fields=["event", "at"]),)


class Presence(models.Model):
    """One side of a live meeting says it is there: at the table, or joined the online room."""

    class How(models.TextChoices):
        HERE = "here", _("at the table")
        JOINED = "joined", _("joined online")

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="presences"
    )
    participation = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="+"
    )
    how = models.CharField(_("how"), max_length=10, choices=How.choices, default=How.HERE)
    at = models.DateTimeField(_("at"))

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=["meeting", "participation"], name="one_presence_per_side"
            ),
        )


class Cancellation(models.Model):
    """Why a request was withdrawn or a meeting cancelled, by whom and when."""

    class Kind(models.TextChoices):
        WITHDRAWN = "withdrawn", _("request withdrawn")
        CANCELLED = "cancelled", _("meeting cancelled")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="cancellations"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    a = models.ForeignKey("directory.Participation", on_delete=models.CASCADE, related_name="+")
    b = models.ForeignKey("directory.Participation", on_delete=models.CASCADE, related_name="+")
    # The meeting's start when a scheduled meeting was cancelled; empty for a request.
    start = models.DateTimeField(_("start"), null=True, blank=True)
    # The request withdrawn, or the pair's request declined by a meeting's cancellation.
    request = models.ForeignKey(
        "meetings.MeetingRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cancellations",
    )
    # The id the cancelled meeting had: its row is gone, and a second cancellation of the
    # same meeting (a double click, a retried API call) is answered by naming this one.
    meeting_number = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    # The side that cancelled; empty when the organizer did.
    by_participation = models.ForeignKey(
        "directory.Participation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"))

    class Meta:
        verbose_name = _("cancellation")
        ordering = ("-at", "-id")


class SpotBooking(models.Model):
    """A meeting two participants booked themselves on the day, into a free table or room."""

    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="spot_booking"
    )
    booked_by = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="+"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("booked at"))


class WaitlistEntry(models.Model):
    """An organization waiting for a place on a full programme item, first come first served."""

    item = models.ForeignKey("events.AgendaItem", on_delete=models.CASCADE, related_name="waitlist")
    participation = models.ForeignKey(
        "directory.Participation", on_delete=models.CASCADE, related_name="waitlist_entries"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the organizer moves the entry to the top: the latest moved waits first.
    moved_up_at = models.DateTimeField(_("moved to the top at"), null=True, blank=True)

    class Meta:
        verbose_name = _("waitlist entry")
        ordering = (F("moved_up_at").desc(nulls_last=True), "created_at", "id")
        constraints = (
            models.UniqueConstraint(fields=["item", "participation"], name="wait_once_per_item"),
        )


class CheckInStaff(models.Model):
    """A person the organizer lets check badges in at one event's entrance, and nothing else."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="check_in_staff"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_in_desks"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("check-in staff")
        constraints = (
            models.UniqueConstraint(fields=["event", "user"], name="check_in_staff_once_per_event"),
        )
