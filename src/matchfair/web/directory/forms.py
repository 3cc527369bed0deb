"""Forms of the participant pages: invitations and the spreadsheet column mapping."""

import pycountry
from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.web.directory.models import Organization, Participation
from matchfair.web.directory.spreadsheets.mapping import FIELDS, Mapping
from matchfair.web.security.one_line import validate_one_line

COUNTRIES = [
    ("", "—"),
    *sorted(
        ((country.alpha_2, country.name) for country in pycountry.countries), key=lambda c: c[1]
    ),
]
NOT_IMPORTED = ""


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
