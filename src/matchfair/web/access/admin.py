"""Viewers are added by an administrator: they are few, and they see no private data."""

from django.contrib import admin

from matchfair.web.access.models import EventViewer


@admin.register(EventViewer)
class EventViewerAdmin(admin.ModelAdmin):
    list_display = ("event", "user", "created_at")
    list_filter = ("event",)
    autocomplete_fields = ("user",)
