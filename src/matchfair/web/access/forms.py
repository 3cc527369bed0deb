"""Forms of the access pages: giving a person a role in an event."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.web.access.domain.roles import GrantedRole


class PersonForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (
                GrantedRole.VIEWER.value,
                _("Viewer: reads the catalog, published schedule and figures"),
            ),
            (GrantedRole.ORGANIZER.value, _("Co-organizer: runs the event with you")),
        ],
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=150,
        required=False,
        help_text=_("For a new account: the address gets an invitation to choose a password."),
    )


class FirstOrganizerForm(forms.Form):
    username = forms.CharField(
        label=_("Organizer"),
        max_length=254,
        help_text=_("The user name or e-mail address of an organizer's account; yours by default."),
    )
