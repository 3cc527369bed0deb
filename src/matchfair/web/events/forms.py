"""Forms of the organizer's event pages."""

import zoneinfo
from typing import ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.web.events.colours import DEFAULT_ACCENT, validate_accent
from matchfair.web.events.models import AgendaItem, Session
from matchfair.web.security.one_line import validate_one_line

TIME_ZONES = sorted(zoneinfo.available_timezones())


class EventForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300, validators=[validate_one_line])
    code = forms.SlugField(
        label=_("Event id"),
        max_length=200,
        required=False,
        help_text=_(
            "Unique; names the event in exported files and on the command line "
            "(matchfair export, matchfair report); made from the name when empty."
        ),
    )
    series = forms.CharField(
        label=_("Series"),
        max_length=300,
        required=False,
        help_text=_("Editions of one series add up in reports."),
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"), choices=[(z, z) for z in TIME_ZONES], initial="Asia/Shanghai"
    )
    tables = forms.IntegerField(
        label=_("Tables"), min_value=0, required=False, help_text=_("Empty means unlimited.")
    )
    online_rooms = forms.IntegerField(
        label=_("Online rooms"), min_value=0, required=False, help_text=_("Empty means unlimited.")
    )
    match_across_groups = forms.BooleanField(
        label=_("Recommend partners across groups only"), required=False
    )
    accent_colour = forms.CharField(
        label=_("Accent colour"),
        initial=DEFAULT_ACCENT,
        max_length=7,
        required=False,
        validators=[validate_accent],
        widget=forms.TextInput(attrs={"type": "color"}),
        help_text=_(
            "The colour of the header and button in the event's e-mails; "
            "their text is white or black, whichever reads better on it."
        ),
    )

    def clean_accent_colour(self) -> str:
        """Lower case (as the browser's colour picker sends it); empty stays empty: unchanged."""
        return self.cleaned_data["accent_colour"].lower()


class EventFileForm(forms.Form):
    file = forms.FileField(label=_("Event file (matchfair-event/1 JSON)"))


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ("code", "start", "end", "slot_minutes", "gap_minutes", "mode")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "start": LocalDateTimeInput(),
            "end": LocalDateTimeInput(),
        }


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ("kind", "title", "start", "end", "place", "capacity", "description")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "start": LocalDateTimeInput(),
            "end": LocalDateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
