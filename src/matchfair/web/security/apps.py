from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "matchfair.web.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self) -> None:
        """A login takes its attempt back from the limits, whichever view logged the user in."""
        from django.contrib.auth.signals import user_logged_in

        from matchfair.web.security.login_limits import take_back_attempt

        user_logged_in.connect(take_back_attempt, dispatch_uid="matchfair-login-limits")
