"""The organizer's run form: which job, and the scheduler's fairness target.

The dashboard and the runs page post it; the API's run endpoint takes the same options
(``min_meetings`` only for a scheduler run), so both ways in hand the runner the same
``Job.options``.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.web.jobs.models import Job

MAX_MIN_MEETINGS = 1000
"""More meetings than any organization could hold: a larger target is a typing error."""


class RunForm(forms.Form):
    kind = forms.ChoiceField(choices=Job.Kind.choices)
    min_meetings = forms.IntegerField(
        label=_("Meetings every organization should get"),
        help_text=_(
            "Scheduler runs: organizations with at least this many accepted requests get "
            "this many meetings before others get more. 0 or empty: no target."
        ),
        min_value=0,
        max_value=MAX_MIN_MEETINGS,
        required=False,
    )

    def options(self) -> dict[str, object]:
        """The job's options: the target only for a scheduler run that sets one."""
        target = self.cleaned_data.get("min_meetings")
        if self.cleaned_data["kind"] == Job.Kind.SCHEDULE and target:
            return {"min_meetings": target}
        return {}
