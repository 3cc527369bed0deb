"""Forms of the meeting pages."""

from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _
from pydantic import ValidationError

from matchfair import core
from matchfair.web import dates
from matchfair.web.directory.forms import fit_to_event
from matchfair.web.directory.models import Participation
from matchfair.web.events.core_sessions import stored_session
from matchfair.web.events.models import Event, Session
from matchfair.web.meetings.domain.availability import slot_windows


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


class AvailabilityForm(forms.Form):
    """When an organization or an interpreter can meet, as a choice of each session's slots,
    labelled in the reader's time zone (the page's active zone).

    Everything ticked stores "every session" (no windows); otherwise the ticked slots that
    follow each other become one window each, in the event's zone. Only whole slots can
    be chosen: a part of a slot means nothing to the scheduler, which places a meeting
    only in a slot lying wholly inside a window.
    """

    def __init__(
        self, event: Event, stored: list[dict[str, str]] | None, *args: object, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        windows = _readable(stored)
        zone = ZoneInfo(event.timezone)
        self.slots: dict[str, core.Slot] = {}
        self.sessions: list[forms.BoundField] = []
        for session in Session.objects.filter(event=event):
            choices = []
            for slot in core.session_slots(stored_session(session, zone=zone)):
                key = f"{session.pk}-{slot.index}"
                self.slots[key] = slot
                choices.append((key, f"{dates.clock(slot.start)}–{dates.clock(slot.end)}"))
            name = f"session_{session.pk}"
            self.fields[name] = forms.MultipleChoiceField(
                label=f"{session.code} · {dates.day(session.start)}",
                choices=choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            self.initial[name] = [
                key for key, _label in choices if core.window_contains(windows, self.slots[key])
            ]
            self.sessions.append(self[name])

    def availability(self) -> list[dict[str, str]] | None:
        """The ticked slots as stored windows; None when every slot is ticked."""
        chosen = [self.slots[key] for name in self.fields for key in self.cleaned_data[name]]
        if len(chosen) == len(self.slots):
            return None
        return slot_windows(chosen)


def _readable(stored: list[dict[str, str]] | None) -> list[core.Window] | None:
    """The stored windows the core accepts; a bad one (an old database, the admin) ticks
    nothing, and saving the form replaces it."""
    if stored is None:
        return None
    windows = []
    for window in stored:
        try:
            windows.append(core.Window.model_validate(window))
        except ValidationError:
            continue
    return windows


class InterpreterForm(forms.Form):
    """An interpreter's id and languages; the rules are the domain's (the core's types)."""

    code = forms.CharField(label=_("Interpreter id"), max_length=200)
    languages = forms.CharField(
        label=_("Languages"),
        max_length=1000,
        help_text=_("ISO 639-1 codes separated by commas, at least two: zh, en, da"),
    )

    def clean_languages(self) -> list[str]:
        """The typed codes as a list; their rule is checked by the domain."""
        typed = self.cleaned_data["languages"]
        return [code.strip() for code in typed.replace(";", ",").split(",") if code.strip()]
