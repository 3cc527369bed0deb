"""The one-time link where an invited person chooses their password.

Organizers invite co-organizers, viewers and participants' delegates without ever
handling a password: each new account gets this link (the portal's ``welcome``
page), which works once, until the password is set.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def welcome_path(user: AbstractBaseUser) -> str:
    """The one-time link where a new account chooses a password."""
    return reverse(
        "portal:welcome",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
