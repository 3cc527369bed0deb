from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "matchfair.web.portal"
    verbose_name = _("Participant portal")

    def ready(self) -> None:
        from matchfair.web.portal import agenda_changes

        agenda_changes.connect()
