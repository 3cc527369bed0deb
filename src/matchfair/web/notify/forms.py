"""The organizer's forms of this app: the portal rules and a campaign's texts and segment.

They sit beside ``PortalRules`` (in this data app) so that the organizer's pages in
``orga`` use them without importing the participant portal's pages.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from matchfair.web.directory.models import Organization, Participation
from matchfair.web.events.models import Event
from matchfair.web.notify.domain.campaigns import CampaignText
from matchfair.web.notify.models import PortalRules, ReminderSettings
from matchfair.web.notify.segments import REGISTRATION_CHOICES, Segment, segment_choices


class PortalRulesForm(forms.ModelForm):
    """Deadlines are entered in the event's time zone (the organizer pages activate it)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name in ("profile_deadline", "request_deadline"):
            self.fields[name].widget = forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            )

    class Meta:
        model = PortalRules
        fields = ("registration", "profile_deadline", "request_deadline", "request_quota")


class CampaignForm(forms.Form):
    """A campaign's texts (a subject and body per chosen language) and its segment.

    Only the languages ticked are read; their subject and body are checked by
    ``notify.domain.campaigns.check_texts`` so that the API refuses the same.
    """

    languages = forms.MultipleChoiceField(
        label=_("Languages written"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Readers of another language get the first one written."),
    )
    groups = forms.MultipleChoiceField(
        label=_("Groups"), required=False, widget=forms.CheckboxSelectMultiple
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"), required=False, widget=forms.CheckboxSelectMultiple
    )
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of organization"),
        required=False,
        choices=Organization.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    attendance = forms.MultipleChoiceField(
        label=_("Attendance"),
        required=False,
        choices=Participation.Attendance.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    registration = forms.ChoiceField(
        label=_("Registration"),
        required=False,
        choices=(("", _("everyone")), *REGISTRATION_CHOICES),
    )
    no_opportunity = forms.BooleanField(label=_("has not published an opportunity"), required=False)
    pending_requests = forms.BooleanField(label=_("has requests to answer"), required=False)
    no_meeting = forms.BooleanField(label=_("has no published meeting yet"), required=False)

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = segment_choices(event)
        self.fields["groups"].choices = [(group, group) for group in choices["groups"]]
        self.fields["countries"].choices = [(code, code) for code in choices["countries"]]
        for code, name in settings.LANGUAGES:
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": name},
                required=False,
                max_length=300,
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 8}),
            )

    SEGMENT_FIELDS = (
        "groups",
        "countries",
        "kinds",
        "attendance",
        "registration",
        "no_opportunity",
        "pending_requests",
        "no_meeting",
    )

    def segment(self) -> Segment:
        """The segment of the cleaned form."""
        return Segment.from_json(self.cleaned_data)

    def texts(self) -> list[CampaignText]:
        """The texts of the languages ticked, in the site's order of languages."""
        return [
            CampaignText(
                language=code,
                subject=self.cleaned_data.get(f"subject_{code}", ""),
                body=self.cleaned_data.get(f"body_{code}", ""),
            )
            for code in self.cleaned_data["languages"]
        ]


class ReminderSettingsForm(forms.ModelForm):
    """Which reminders the event sends and when; the months as a comma-separated list."""

    follow_up_months = forms.CharField(
        label=_("Follow-up after (months)"),
        required=False,
        help_text=_("Comma-separated, e.g. 6, 12. Empty: no follow-up."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        months = self.instance.follow_up_months or []
        self.initial["follow_up_months"] = ", ".join(str(month) for month in months)

    def clean_follow_up_months(self) -> list[int]:
        text = self.cleaned_data["follow_up_months"]
        months = []
        for part in text.replace(";", ",").split(","):
            if not part.strip():
                continue
            if not part.strip().isdigit() or not 1 <= int(part) <= 120:
                raise forms.ValidationError(
                    _("%(value)s is not a number of months from 1 to 120.")
                    % {"value": part.strip()}
                )
            months.append(int(part))
        return sorted(set(months))

    class Meta:
        model = ReminderSettings
        fields = (
            "open_requests",
            "open_requests_days",
            "request_deadline",
            "request_deadline_hours",
            "agenda",
            "agenda_hours",
            "feedback",
            "feedback_hours",
            "meeting_soon",
            "meeting_soon_minutes",
            "follow_up",
            "follow_up_months",
        )
