from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    name = "matchfair.web.exports"
    verbose_name = _("Exports")

    def ready(self) -> None:
        from matchfair.web.exports.calendars import agenda_attachment
        from matchfair.web.notify.domain.reminders import attach_to_agenda_reminder

        # The reminder the day before the event carries the organization's calendar.
        attach_to_agenda_reminder(agenda_attachment)
