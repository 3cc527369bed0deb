"""Forms of the directory: invitations, the spreadsheet column mapping, and the field that
chooses organizations of an event whatever its size (``fit_to_event``).

A select list of every organization is the easiest choice for an event of a few
hundred, but for 100,000 it made the requests page 11 MB and a minute long. Above
LIST_LIMIT organizations the field becomes a text box for the organization's id in
the event (its code: the first column of the Excel export and the ``id`` of the
event file), checked against the same organizations.
"""

import pycountry
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from matchfair.core import section_choices
from matchfair.web.directory.models import Organization, Participation
from matchfair.web.directory.spreadsheets.mapping import FIELDS, Mapping
from matchfair.web.directory.validation import (
    validate_country,
    validate_languages,
    validate_organization_sectors,
)
from matchfair.web.security.one_line import validate_one_line

COUNTRIES = [
    ("", "—"),
    *sorted(
        ((country.alpha_2, country.name) for country in pycountry.countries), key=lambda c: c[1]
    ),
]
NOT_IMPORTED = ""

LIST_LIMIT = 300
"""Organizations an event may have for its forms to list them all in a select."""


class CodesInput(forms.TextInput):
    """Several organization ids in one text box, separated by commas or spaces."""

    def value_from_datadict(self, data: object, files: object, name: str) -> list[str]:
        text = super().value_from_datadict(data, files, name) or ""  # type: ignore[arg-type]
        return text.replace(",", " ").split()

    def format_value(self, value: object) -> str | None:
        if isinstance(value, list | tuple):
            return ", ".join(str(item) for item in value)
        return super().format_value(value)


def fit_to_event(field: forms.ModelChoiceField, participations: QuerySet[Participation]) -> None:
    """Let ``field`` choose among ``participations``: a list when short, ids typed when long."""
    field.queryset = participations
    if not participations.count() > LIST_LIMIT:
        return
    field.to_field_name = "code"
    multiple = isinstance(field, forms.ModelMultipleChoiceField)
    field.widget = CodesInput() if multiple else forms.TextInput()
    field.help_text = (
        _(
            "The organizations' ids in the event, separated by commas (first column of the Excel export)."
        )
        if multiple
        else _("The organization's id in the event (first column of the Excel export).")
    )


class InvitationForm(forms.Form):
    organization_name = forms.CharField(
        label=_("Organization"), max_length=300, validators=[validate_one_line]
    )
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRIES, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", "—"), *Organization.Kind.choices], required=False
    )
    attendance = forms.ChoiceField(label=_("Attendance"), choices=Participation.Attendance.choices)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    email = forms.EmailField(label=_("Email"))


class SpreadsheetForm(forms.Form):
    file = forms.FileField(label=_("Excel (.xlsx) or CSV file"))


class MappingForm(forms.Form):
    """One choice per field: which column holds it, or not imported."""

    def __init__(
        self, headers: list[str], *args: object, initial_mapping: Mapping, **kwargs: object
    ):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        columns = [(NOT_IMPORTED, _("— not imported —"))] + [
            (str(index), header) for index, header in enumerate(headers)
        ]
        for field in FIELDS:
            self.fields[field.key] = forms.ChoiceField(
                label=field.label,
                choices=columns,
                required=field.required,
                initial=str(initial_mapping[field.key]) if field.key in initial_mapping else "",
            )

    def mapping(self) -> Mapping:
        return {
            key: int(value) for key, value in self.cleaned_data.items() if value != NOT_IMPORTED
        }


def _list(text: str) -> list[str]:
    """Sectors or languages typed as ``energy; mobility`` or ``en, da``."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class SectionsField(forms.MultipleChoiceField):
    """NACE Rev. 2 sections as checkboxes, each named in the reader's language.

    The choices are the core's list, read when the form is shown, so a Chinese page
    names the sections in Chinese; a letter outside the list is refused on the field.
    """

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("label", _("Sectors (NACE sections)"))
        super().__init__(choices=section_choices, required=False, **kwargs)


class KeywordsField(forms.CharField):
    """Free sector keywords beside the sections, typed ``hydrogen, circular economy``."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("label", _("Sector keywords"))
        kwargs.setdefault(
            "help_text",
            _("Free words for what the sections do not say, separated by commas."),
        )
        super().__init__(required=False, **kwargs)


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
    nace = SectionsField()
    sectors = KeywordsField()
    description = forms.CharField(
        label=_("Profile"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean_country(self) -> str:
        country = self.cleaned_data["country"].strip().upper()
        return validate_country(country or None) or ""

    def clean_languages(self) -> list[str]:
        return validate_languages([code.lower() for code in _list(self.cleaned_data["languages"])])

    def clean_sectors(self) -> list[str]:
        return validate_organization_sectors(_list(self.cleaned_data["sectors"]))

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
            "nace": list(participation.nace),
            "sectors": ", ".join(participation.sectors),
            "description": participation.description or "",
        }


class SeriesDirectoryForm(forms.Form):
    """The series directory's search box and filters (a GET form: nothing is written)."""

    q = forms.CharField(
        label=_("Search"), required=False, max_length=300, validators=[validate_one_line]
    )
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRIES, required=False)
    returning = forms.BooleanField(label=_("Returning organizations only"), required=False)
