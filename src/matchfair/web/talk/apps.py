from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalkConfig(AppConfig):
    name = "matchfair.web.talk"
    label = "talk"
    verbose_name = _("Messages between participants")
