from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "matchfair.web.security"
    label = "security"
    verbose_name = _("Security")

    def ready(self) -> None:
        """Count failed logins, whichever view or API asked Django to authenticate."""
        from django.contrib.auth.signals import user_login_failed

        from matchfair.web.security.login_limits import note_failure

        user_login_failed.connect(note_failure, dispatch_uid="matchfair-login-failures")
