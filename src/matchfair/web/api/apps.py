"""The api app: the REST API, its tokens (the ``ApiToken`` model) and their page."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "matchfair.web.api"
    label = "api"
    verbose_name = _("API")
