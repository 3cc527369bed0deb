"""Forms of the organizer's event pages."""

import zoneinfo
from typing import ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.web.directory.models import Organization, Participation
from matchfair.web.events.models import AgendaItem, Session
from matchfair.web.security.one_line import validate_one_line

TIME_ZONES = sorted(zoneinfo.available_timezones())


class EventForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300, validators=[validate_one_line])
    code = forms.SlugField(
        label=_("Event id"),
        max_length=200,
        required=False,
        help_text=_("Used in exported files; made from the name when empty."),
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


def _list(text: str) -> list[str]:
    """Sectors or languages typed as ``energy; mobility`` or ``en, da``."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class ParticipationForm(forms.Form):
    """An organization's entry in the directory and what it brings to this event."""

    name = forms.CharField(label=_("Name"), max_length=300, validators=[validate_one_line])
    country = forms.CharField(
        label=_("Country (ISO code)"),
        max_length=2,
        required=False,
        help_text=_("For example CN, DK."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", "—"), *Organization.Kind.choices], required=False
    )
    code = forms.CharField(
        label=_("Id in the event file"),
        max_length=200,
        help_text=_("Used in exported files."),
        validators=[validate_one_line],
    )
    group = forms.CharField(label=_("Group"), max_length=200, required=False)
    attendance = forms.ChoiceField(label=_("Attendance"), choices=Participation.Attendance.choices)
    delegates = forms.IntegerField(
        label=_("Parallel meetings"),
        min_value=1,
        help_text=_("How many meetings it can hold at once."),
    )
    languages = forms.CharField(
        label=_("Languages"),
        required=False,
        help_text=_("ISO 639-1 codes separated by commas, for example zh, en."),
    )
    sectors = forms.CharField(
        label=_("Sectors"), required=False, help_text=_("Separated by commas or semicolons.")
    )
    description = forms.CharField(
        label=_("Profile"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean_country(self) -> str:
        return self.cleaned_data["country"].strip().upper()

    def clean_languages(self) -> list[str]:
        return [code.lower() for code in _list(self.cleaned_data["languages"])]

    def clean_sectors(self) -> list[str]:
        return _list(self.cleaned_data["sectors"])

    @classmethod
    def initial_of(cls, participation: Participation) -> dict[str, object]:
        organization = participation.organization
        return {
            "name": organization.name,
            "country": organization.country,
            "kind": organization.kind,
            "code": participation.code,
            "group": participation.group or "",
            "attendance": participation.attendance,
            "delegates": participation.delegates,
            "languages": ", ".join(participation.languages),
            "sectors": "; ".join(participation.sectors),
            "description": participation.description or "",
        }
