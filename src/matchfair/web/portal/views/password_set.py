"""Choosing a password through a mailed link (welcome or reset) signs the person in.

Whoever holds the link controls the mailbox and may set the password anyway, so asking
them to type it again on an empty login page only loses them: they are signed in, told
so with their user name, and land on their home page.
"""

from django.contrib import messages
from django.forms import Form
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from matchfair.web.security.trusted_devices import TrustingPasswordResetConfirmView


class PasswordSetView(TrustingPasswordResetConfirmView):
    """The "choose your password" page of the welcome and reset links."""

    post_reset_login = True
    # The login limits' backend counts typed passwords; this sign-in typed none.
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("portal:home")

    def form_valid(self, form: Form) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(
            self.request,
            _("Your password is set and you are signed in. Your user name is %(username)s.")
            % {"username": self.user.get_username()},
        )
        return response
