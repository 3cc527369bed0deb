"""Forms of the outcome pages; the rules themselves are checked again in services.py."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.web.directory.forms import fit_to_event
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event
from matchfair.web.outcomes.models import Agreement, CooperationProject, Feedback, MeetingOutcome


class DateInput(forms.DateInput):
    input_type = "date"


class FeedbackForm(forms.Form):
    """One side's report: did the meeting take place, and what did it lead to."""

    status = forms.ChoiceField(
        label=_("Did the meeting take place?"),
        choices=MeetingOutcome.Status.choices,
        initial=MeetingOutcome.Status.HELD,
    )
    result = forms.ChoiceField(
        label=_("Result"), choices=[("", "—"), *Feedback.Result.choices], required=False
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        held = data.get("status") == MeetingOutcome.Status.HELD
        if held and not data.get("result"):
            self.add_error("result", _("Say what the meeting led to."))
        if not held:
            data["result"] = None
        return data


class AgreementForm(forms.Form):
    code = forms.SlugField(label=_("Agreement id"), max_length=200)
    title = forms.CharField(label=_("Title"), max_length=500)
    type = forms.ChoiceField(label=_("Type"), choices=Agreement.Type.choices)
    parties = forms.ModelMultipleChoiceField(
        label=_("Parties"), queryset=Participation.objects.none(), help_text=_("Two or more.")
    )
    amount = forms.DecimalField(
        label=_("Value"), max_digits=24, decimal_places=6, min_value=0, required=False
    )
    currency = forms.CharField(
        label=_("Currency"), max_length=3, required=False, help_text=_("ISO 4217, e.g. CNY")
    )
    date = forms.DateField(label=_("Date"), widget=DateInput)
    sources = forms.ModelMultipleChoiceField(
        label=_("Came from the meetings"), queryset=MeetingOutcome.objects.none(), required=False
    )

    def __init__(self, event: Event, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        fit_to_event(
            self.fields["parties"],
            Participation.objects.filter(event=event).select_related("organization"),
        )
        self.fields["sources"].queryset = MeetingOutcome.objects.filter(
            event=event, status=MeetingOutcome.Status.HELD
        ).select_related("a__organization", "b__organization")
        self.fields["sources"].label_from_instance = lambda outcome: (
            f"{outcome.a.organization.name} – {outcome.b.organization.name}"
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Agreement.Status.choices)
    date = forms.DateField(label=_("Date"), widget=DateInput)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)


class RatesForm(forms.Form):
    """Rates typed as lines "EUR 7.62": quick to paste from the organizer's spreadsheet."""

    base = forms.CharField(label=_("Base currency"), max_length=3, initial="CNY")
    rates = forms.CharField(
        label=_("Rates"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "One currency a line: its code and the value of one unit in the base, e.g. EUR 7.62"
        ),
    )
    date = forms.DateField(label=_("Rates of"), widget=DateInput, required=False)

    def clean_rates(self) -> dict[str, Decimal]:
        rates: dict[str, Decimal] = {}
        for number, line in enumerate(self.cleaned_data["rates"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = line.replace("=", " ").split()
            try:
                if len(parts) != 2:
                    raise InvalidOperation
                rates[parts[0].upper()] = Decimal(parts[1].replace(",", "."))
            except InvalidOperation:
                raise forms.ValidationError(
                    _("Line %(line)s: write a currency code and a rate, e.g. EUR 7.62"),
                    params={"line": number},
                ) from None
        return rates


class ProjectForm(forms.ModelForm):
    class Meta:
        model = CooperationProject
        fields = (
            "host",
            "title",
            "sector",
            "location",
            "planned_investment",
            "currency",
            "contact",
            "description",
            "published",
        )

    def __init__(self, event: Event, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        fit_to_event(
            self.fields["host"],
            Participation.objects.filter(event=event).select_related("organization"),
        )


class HostProjectForm(forms.ModelForm):
    """A host publishing its own project in the portal: it is the host, and it is published."""

    class Meta:
        model = CooperationProject
        fields = (
            "title",
            "sector",
            "location",
            "planned_investment",
            "currency",
            "contact",
            "description",
        )


class InterestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the host"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class FollowUpForm(forms.Form):
    """A party's answer to the impact follow-up: where the agreement stands now."""

    status = forms.ChoiceField(label=_("Where does it stand?"), choices=Agreement.Status.choices)
    on = forms.DateField(label=_("Since"), widget=DateInput)
    amount = forms.DecimalField(
        label=_("Investment or contract value"),
        required=False,
        min_value=Decimal(0),
        max_digits=24,
        decimal_places=6,
    )
    currency = forms.CharField(
        label=_("Currency"), required=False, max_length=3, help_text=_("ISO 4217, e.g. EUR, CNY")
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )
