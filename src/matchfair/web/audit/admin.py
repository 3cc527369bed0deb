"""The audit trail in the admin: read only."""

from django.contrib import admin

from matchfair.web.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "event", "actor_name", "action", "subject", "summary")
    list_filter = ("event", "action")

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
