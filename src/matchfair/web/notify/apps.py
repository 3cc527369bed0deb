"""The notify data app, under the label "portal" its tables and migrations were made with."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "matchfair.web.notify"
    # The models were the participant portal's: keeping the label keeps their tables,
    # migration history and content types, so an existing database upgrades as it is.
    label = "portal"
    verbose_name = _("Participant portal")

    def ready(self) -> None:
        """A sign-in gives an account without a chosen language the browser's."""
        from django.contrib.auth.signals import user_logged_in

        from matchfair.web.notify.sign_in import take_language_at_sign_in

        user_logged_in.connect(take_language_at_sign_in, dispatch_uid="matchfair-sign-in-language")
