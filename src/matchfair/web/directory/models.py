"""The directory: organizations that persist across editions, their people and opportunities.

An organization is one row however many editions it attends; what it brings to one
edition (profile text, languages, attendance, opportunities) hangs on its
``Participation``, so exporting an old edition gives back exactly what it was.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from matchfair.web.directory.domain.names import KEY_LENGTH, name_key, name_skeleton


class Stamped(models.Model):
    """A row stamped by every save, so that what is built from an event's directory rows
    (its search index: ``directory.queries.content_version``) knows when to be rebuilt.
    ``bulk_create`` stamps too; a save naming its ``update_fields`` gets the stamp added."""

    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        fields = kwargs.get("update_fields")
        if fields:
            kwargs["update_fields"] = {*fields, "updated_at"}
        super().save(*args, **kwargs)


class Organization(Stamped):
    class Kind(models.TextChoices):
        COMPANY = "company", _("company")
        UNIVERSITY = "university", _("university")
        RESEARCH = "research", _("research institute")
        ASSOCIATION = "association", _("association")
        GOVERNMENT = "government", _("government body")
        INVESTOR = "investor", _("investor")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=300)
    country = models.CharField(_("country"), max_length=2, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)
    # The name as people mean it and as it looks (``directory.domain.names``): the first
    # recognises the same organization, the second flags look-alikes to the organizer.
    name_key = models.CharField(max_length=KEY_LENGTH, editable=False, default="")
    name_skeleton = models.CharField(max_length=KEY_LENGTH, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organization")
        ordering = (
            "name",
            "id",
        )
        indexes = (
            models.Index(fields=["name"]),
            models.Index(fields=["name_key"], name="organization_name_key"),
            models.Index(fields=["name_skeleton"], name="organization_name_skeleton"),
        )

    def __str__(self) -> str:
        return self.name

    def with_keys(self) -> "Organization":
        """The entry with its name keys computed (``bulk_create`` calls no ``save``)."""
        self.name_key = name_key(self.name)
        self.name_skeleton = name_skeleton(self.name)
        return self

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.with_keys()
        fields = kwargs.get("update_fields")
        if fields and "name" in fields:
            kwargs["update_fields"] = {*fields, "name_key", "name_skeleton"}
        super().save(*args, **kwargs)


class Participation(Stamped):
    """An organization taking part in one event; ``code`` is its id in that event's file."""

    class Attendance(models.TextChoices):
        ONSITE = "onsite", _("on site")
        ONLINE = "online", _("online")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="participations"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="participations"
    )
    code = models.SlugField(_("id in the event"), max_length=200)
    nace = models.JSONField(_("NACE sections"), default=list, blank=True)
    sectors = models.JSONField(_("sector keywords"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.ONSITE
    )
    delegates = models.PositiveIntegerField(
        _("parallel meetings"), default=1, help_text=_("How many meetings it can hold at once.")
    )
    group = models.CharField(_("group"), max_length=200, blank=True, null=True)
    availability = models.JSONField(
        _("availability"), null=True, blank=True, help_text=_("Empty means every session.")
    )
    description = models.TextField(_("description"), blank=True, null=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("participation")
        ordering = (
            "position",
            "id",
        )
        constraints = (
            models.UniqueConstraint(fields=["event", "code"], name="participation_code_unique"),
            models.UniqueConstraint(
                fields=["event", "organization"], name="organization_once_per_event"
            ),
        )

    def __str__(self) -> str:
        return self.organization.name


class Delegate(models.Model):
    """A person of an organization with an account: sees the agendas of the organization."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delegate"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="delegates"
    )
    title = models.CharField(_("job title"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("delegate")

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class Opportunity(Stamped):
    """What an organization offers or seeks at one event, in any language."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("offer")
        REQUEST = "request", _("request")

    class Type(models.TextChoices):
        TECHNOLOGY = "technology", _("technology")
        RESEARCH = "research", _("research")
        INVESTMENT = "investment", _("investment")
        COMMERCIAL = "commercial", _("commercial")
        MANUFACTURING = "manufacturing", _("manufacturing")
        SERVICES = "services", _("services")
        EDUCATION = "education", _("education")
        OTHER = "other", _("other")

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="opportunities"
    )
    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="opportunities"
    )
    code = models.SlugField(_("opportunity id"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices, default=Type.OTHER)
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True, null=True)
    nace = models.JSONField(_("NACE sections"), default=list, blank=True)
    sectors = models.JSONField(_("sector keywords"), default=list, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = (
            "position",
            "id",
        )
        constraints = (
            models.UniqueConstraint(fields=["event", "code"], name="opportunity_code_unique"),
        )

    def __str__(self) -> str:
        return self.title


class SpreadsheetUpload(models.Model):
    """An uploaded Excel or CSV file, read into rows, waiting for its column mapping.

    Kept in the database rather than on a local disk so that the mapping step may be
    answered by any web process.
    """

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="uploads")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(max_length=300)
    headers = models.JSONField(default=list)
    rows = models.JSONField(default=list, help_text=_("[row number, [cell, ...]] per data row"))
    created_at = models.DateTimeField(auto_now_add=True)
