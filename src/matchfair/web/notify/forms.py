"""The organizer's form of the portal rules: registration, deadlines and the request quota.

It sits beside ``PortalRules`` (in this data app) so that the organizer's page in
``orga`` uses it without importing the participant portal's pages.
"""

from django import forms

from matchfair.web.notify.models import PortalRules


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
