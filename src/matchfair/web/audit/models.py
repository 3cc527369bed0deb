"""One row per change, written in the same transaction as the change itself."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """A change to an event's meetings, requests or agreements; never edited afterwards.

    ``actor`` is empty for changes made by the job worker or a command; ``subject``
    names the changed row as ``model:id`` so that the entry outlives the row.
    """

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="audit")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("by"), max_length=300, blank=True)
    action = models.CharField(_("action"), max_length=60)
    subject = models.CharField(_("subject"), max_length=100)
    summary = models.TextField(_("summary"))
    # What a page needs to rebuild the change without parsing the summary: an
    # agreement step's {"status", "date", "note"}; empty for most entries.
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ("-at", "-id")
        indexes = (models.Index(fields=["event", "-at"]),)
