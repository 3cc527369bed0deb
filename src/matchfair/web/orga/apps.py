from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgaConfig(AppConfig):
    name = "matchfair.web.orga"
    verbose_name = _("Organizer pages")
