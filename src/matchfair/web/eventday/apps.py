from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventDayConfig(AppConfig):
    name = "matchfair.web.eventday"
    label = "eventday"
    verbose_name = _("Event day")
