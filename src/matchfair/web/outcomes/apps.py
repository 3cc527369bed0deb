from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "matchfair.web.outcomes"
    verbose_name = _("Outcomes")
