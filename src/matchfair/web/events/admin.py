"""Raw edits for operators; organizers use the event pages."""

from django.contrib import admin

from matchfair.web.events.models import AgendaItem, Event, Interpreter, Series, Session


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    search_fields = ("name",)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "series", "timezone", "schedule_published_at")
    search_fields = ("name", "code")
    filter_horizontal = ("organizers",)


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ("code", "event", "start", "end", "slot_minutes", "mode")
    list_select_related = ("event",)


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "event", "start", "place", "capacity")
    list_select_related = ("event",)


@admin.register(Interpreter)
class InterpreterAdmin(admin.ModelAdmin):
    list_display = ("code", "event", "languages")
    list_select_related = ("event",)
