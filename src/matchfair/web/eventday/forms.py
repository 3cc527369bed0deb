"""Forms of the badges and check-in pages (validation of one input; the rules are in domain/)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.models import Badge
from matchfair.web.events.models import Event


class NamedBadgeForm(forms.Form):
    """A badge for a person without an account, in the organization they come with."""

    participation = forms.ModelChoiceField(
        label=_("Organization"), queryset=Participation.objects.none()
    )
    name = forms.CharField(
        label=_("Name on the badge"),
        max_length=Badge._meta.get_field("name").max_length,
        help_text=_("In the person's own script, as it should be printed."),
    )

    def __init__(self, *args: object, event: Event, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participation"].queryset = (
            Participation.objects.filter(event=event)
            .select_related("organization")
            .order_by("organization__name")
        )


class CheckInStaffForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(
        label=_("Name"),
        max_length=150,
        required=False,
        help_text=_("For a new account: the address gets an invitation to choose a password."),
    )
