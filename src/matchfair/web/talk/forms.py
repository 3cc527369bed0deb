"""The forms of messaging: a message, a report, the organizer's switch (limits stay in domain/)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class MessageForm(forms.Form):
    text = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}))


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should the organizer look at this message?"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SwitchForm(forms.Form):
    enabled = forms.BooleanField(label=_("Participants may write to each other"), required=False)
