"""Raw edits for operators; organizers use the request and schedule pages."""

from django.contrib import admin

from matchfair.web.meetings.models import Meeting, MeetingRequest


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ("requester", "recipient", "status", "mandatory", "weight", "event")
    list_select_related = ("requester__organization", "recipient__organization", "event")
    list_filter = ("status", "mandatory")
    raw_id_fields = ("requester", "recipient")


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("a", "b", "start", "location", "online", "published", "event")
    list_select_related = ("a__organization", "b__organization", "event")
    list_filter = ("published", "online")
    raw_id_fields = ("a", "b", "session", "interpreter")
