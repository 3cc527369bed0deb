"""API tokens for integrators (a city's CRM, a fair's registration system).

Only a SHA-256 digest of a token is stored: a copy of the database does not give
access to the API. A token acts as the organizer who created it, with their roles.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=200)
    prefix = models.CharField(
        _("prefix"), max_length=16, help_text=_("The first characters, to recognize a token.")
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class IdempotentRequest(models.Model):
    """A write sent with an ``Idempotency-Key``, and the answer to replay if it comes again.

    ``key`` is a digest of the authenticated principal (the token, or the logged-in
    user), the key, the method and the path, so one principal's key never replays
    another's answer. An answer marked ``Cache-Control: no-store`` (a new token) is
    not kept (``withheld``), so the database never holds a secret to replay.
    """

    key = models.CharField(max_length=64, unique=True)
    request_digest = models.CharField(max_length=64)
    status = models.PositiveIntegerField(default=0, help_text=_("0 while the first is running"))
    content = models.TextField(blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    withheld = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(default=timezone.now)
