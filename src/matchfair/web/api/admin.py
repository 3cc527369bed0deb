"""Tokens in the admin: who holds which, when used, revoke; the digest is never editable."""

from django.contrib import admin

from matchfair.web.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "prefix", "user", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("user", "prefix", "digest", "created_at", "last_used_at")
    fields = ("name", "user", "prefix", "digest", "created_at", "last_used_at", "revoked_at")

    def has_add_permission(self, request: object) -> bool:
        """Tokens are issued through POST /api/tokens, which shows the plain token once."""
        return False
