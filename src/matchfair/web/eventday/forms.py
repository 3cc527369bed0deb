"""Forms of the event day's pages: the organizer's rules, a cancellation's reason, badges, staff.

They sit beside the models (in this data app) so that the organizer's pages in ``orga``
and the participant's in ``portal`` use them without importing each other; each
validates one input, the rules are in ``domain/``.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain.cancellations import REASON_LENGTH
from matchfair.web.eventday.models import Badge, DayRules
from matchfair.web.events.models import Event

# A cut-off longer than a week would stop participants cancelling before the event starts.
LONGEST_CUTOFF = 7 * 24 * 60
# Past two hours a "grace period" is no longer one: the meeting's slot is long over.
LONGEST_GRACE = 120


def _at_most(value: int, most: int) -> int:
    if value > most:
        raise forms.ValidationError(
            ngettext("At most %(most)d minute.", "At most %(most)d minutes.", most) % {"most": most}
        )
    return value


class DayRulesForm(forms.ModelForm):
    """The cut-off, the no-show grace and the on-the-spot switch; the screens' link is not here."""

    class Meta:
        model = DayRules
        fields = ("cancel_cutoff_minutes", "no_show_grace_minutes", "spot_booking")

    def clean_cancel_cutoff_minutes(self) -> int:
        return _at_most(self.cleaned_data["cancel_cutoff_minutes"], LONGEST_CUTOFF)

    def clean_no_show_grace_minutes(self) -> int:
        grace = _at_most(self.cleaned_data["no_show_grace_minutes"], LONGEST_GRACE)
        if grace < 1:
            raise forms.ValidationError(_("Give the sides at least a minute to arrive."))
        return grace


class CancellationForm(forms.Form):
    """Why a request is withdrawn or a meeting cancelled: the other side reads it."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to both sides."),
    )


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
