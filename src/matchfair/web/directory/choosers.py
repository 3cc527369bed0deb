"""Choosing organizations of an event in a form, whatever the event's size.

A select list of every organization is the easiest choice for an event of a few
hundred, but for 100,000 it made the requests page 11 MB and a minute long. Above
LIST_LIMIT organizations the field becomes a text box for the organization's id in
the event (its code: the first column of the Excel export and the ``id`` of the
event file), checked against the same organizations.
"""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from matchfair.web.directory.models import Participation

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
