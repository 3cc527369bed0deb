"""The Settings page's e-mail switches: one checkbox per kind a person may mute."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.web.outbox.models import MUTABLE_KINDS


class MailKindsForm(forms.Form):
    receive = forms.MultipleChoiceField(
        label=_("Send me e-mails about"),
        choices=[(kind.value, kind.label) for kind in MUTABLE_KINDS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
