"""The form of the API token page: the name an organizer gives a new token."""

from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("What uses the token, for example “city CRM”."),
    )
