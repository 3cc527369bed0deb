"""Raw edits for operators; organizers use the participant pages."""

from django.contrib import admin

from matchfair.web.directory.models import Delegate, Opportunity, Organization, Participation


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "country", "kind")
    search_fields = ("name",)


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ("organization", "event", "code", "attendance", "group")
    list_select_related = ("organization", "event")
    search_fields = ("organization__name", "code")
    raw_id_fields = ("organization",)


@admin.register(Delegate)
class DelegateAdmin(admin.ModelAdmin):
    list_display = ("user", "organization")
    list_select_related = ("user", "organization")
    raw_id_fields = ("user", "organization")


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "type", "participation")
    list_select_related = ("participation__organization",)
    search_fields = ("title",)
    raw_id_fields = ("participation",)
