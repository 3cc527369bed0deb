"""The viewer role: people who follow an event (a sponsor, a city's office) without running it.

Organizers are listed on the event itself and participants are the delegates of its
organizations; only viewers need a table of their own.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventViewer(models.Model):
    """Reads an event's catalog, published schedule and figures; changes nothing."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="viewers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="viewed_events"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event viewer")
        constraints = (
            models.UniqueConstraint(fields=["event", "user"], name="viewer_once_per_event"),
        )
