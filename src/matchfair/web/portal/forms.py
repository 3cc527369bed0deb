"""The portal's forms: every field labelled, every choice from the domain's own lists."""

from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from matchfair.web.directory.forms import COUNTRIES, KeywordsField, SectionsField
from matchfair.web.directory.languages import country_name
from matchfair.web.directory.models import Opportunity, Organization, Participation
from matchfair.web.directory.validation import (
    validate_languages,
    validate_opportunity_sectors,
    validate_organization_sectors,
)
from matchfair.web.notify.domain.requests import MESSAGE_LENGTH
from matchfair.web.notify.models import PersonalSettings
from matchfair.web.security.one_line import validate_one_line

TIME_ZONES = sorted((zone, zone.replace("_", " ")) for zone in available_timezones())
# Empty: not chosen, so times follow the event's time zone (UTC for online participants).
FOLLOW_EVENT = [("", _("The event's time zone"))]


def _words(value: str) -> list[str]:
    return [word.strip() for word in value.replace("，", ",").split(",") if word.strip()]


def countries() -> list[tuple[str, str]]:
    """Every country, named and ordered in the reader's language."""
    named = [(code, country_name(code)) for code, _english in COUNTRIES if code]
    return [("", "—"), *sorted(named, key=lambda choice: choice[1])]


class SignUpForm(forms.Form):
    organization_name = forms.CharField(
        label=_("Organization"), max_length=300, validators=[validate_one_line]
    )
    country = forms.ChoiceField(label=_("Country"), choices=countries)
    kind = forms.ChoiceField(label=_("Kind"), choices=Organization.Kind.choices)
    attendance = forms.ChoiceField(label=_("Attendance"), choices=Participation.Attendance.choices)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email"))
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    timezone = forms.ChoiceField(
        label=_("Your time zone"),
        choices=FOLLOW_EVENT + TIME_ZONES,
        required=False,
        initial="",
        widget=forms.Select(attrs={"data-browser-timezone": ""}),
    )
    language = forms.ChoiceField(label=_("Language of emails"), choices=settings.LANGUAGES)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        validate_password(password)
        return password


class ProfileForm(forms.Form):
    description = forms.CharField(
        label=_("Profile"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Who you are and what you look for, in any language."),
    )
    nace = SectionsField()
    sectors = KeywordsField()
    languages = forms.CharField(
        label=_("Languages you speak"),
        required=False,
        help_text=_("Two-letter codes separated by commas, for example zh, en."),
    )
    attendance = forms.ChoiceField(label=_("Attendance"), choices=Participation.Attendance.choices)

    def clean_sectors(self) -> list[str]:
        return validate_organization_sectors(_words(self.cleaned_data["sectors"]))

    def clean_languages(self) -> list[str]:
        return validate_languages([code.lower() for code in _words(self.cleaned_data["languages"])])


class OpportunityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Offer or request"), choices=Opportunity.Kind.choices)
    type = forms.ChoiceField(label=_("Type"), choices=Opportunity.Type.choices)
    title = forms.CharField(label=_("Title"), max_length=500)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    nace = SectionsField()
    sectors = KeywordsField()

    def clean_sectors(self) -> list[str]:
        return validate_opportunity_sectors(_words(self.cleaned_data["sectors"]))


class RequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why you would like to meet, in a few words."),
    )


class ColleagueForm(forms.Form):
    contact_name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("Email"))


class PersonalSettingsForm(forms.ModelForm):
    timezone = forms.ChoiceField(
        label=_("Your time zone"), choices=FOLLOW_EVENT + TIME_ZONES, required=False
    )
    language = forms.ChoiceField(label=_("Language of emails"), choices=settings.LANGUAGES)

    class Meta:
        model = PersonalSettings
        fields = ("timezone", "language", "meeting_soon")
