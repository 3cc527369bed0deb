"""Forms of the meeting pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.web.directory.forms import fit_to_event
from matchfair.web.directory.models import Participation
from matchfair.web.events.models import Event, Session


class ParticipationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Participation) -> str:  # type: ignore[override]
        return obj.organization.name


class TailorMadeForm(forms.Form):
    first = ParticipationChoiceField(label=_("Organization"), queryset=Participation.objects.none())
    second = ParticipationChoiceField(label=_("Meets"), queryset=Participation.objects.none())
    weight = forms.IntegerField(label=_("Weight"), min_value=1, initial=3)
    sessions = forms.ModelMultipleChoiceField(
        label=_("Only in these sessions"),
        queryset=Session.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, event: Event, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        participations = (
            Participation.objects.filter(event=event)
            .select_related("organization")
            .order_by("organization__name")
        )
        for name in ("first", "second"):
            fit_to_event(self.fields[name], participations)
            chosen = self.initial.get(name)
            if isinstance(chosen, str) and chosen.isdigit():  # a "choose" link names the row
                self.initial[name] = participations.filter(pk=chosen).first()
        self.fields["sessions"].queryset = Session.objects.filter(event=event)


class MoveForm(forms.Form):
    """A slot and a table (or online room), both chosen from the event's own."""

    slot = forms.ChoiceField(label=_("New slot"))
    location = forms.ChoiceField(label=_("Table"))

    def __init__(
        self,
        slots: list[tuple[str, str]],
        locations: list[str],
        *args: object,
        online: bool = False,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["slot"].choices = slots
        self.fields["location"].choices = [(name, name) for name in locations]
        if online:
            self.fields["location"].label = _("Online room")


class PlaceForm(forms.Form):
    """One free slot and table (or room), offered grouped by slot: nothing else can be chosen."""

    place = forms.ChoiceField(label=_("Slot and table"))

    def __init__(
        self, places: list[tuple[str, str, list[str]]], *args: object, **kwargs: object
    ) -> None:
        """``places``: (slot key, slot label, free tables) for each free slot."""
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["place"].choices = [
            (label, [(f"{key}@{name}", name) for name in names]) for key, label, names in places
        ]

    def chosen(self) -> tuple[str, str]:
        """The slot key and the table of the valid choice."""
        key, _at, location = self.cleaned_data["place"].partition("@")
        return key, location
