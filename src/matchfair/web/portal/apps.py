from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "matchfair.web.portal"
    # The label "portal" belongs to the notify data app, which holds this app's former
    # models and migrations; the pages keep their URL namespace "portal".
    label = "participant_portal"
    verbose_name = _("Participant portal")
